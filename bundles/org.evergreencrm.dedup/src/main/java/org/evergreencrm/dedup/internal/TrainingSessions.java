package org.evergreencrm.dedup.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How m is learned, as Splink does it: one EM session per training rule — pairs with the same date of birth, the same
 * given and family name, the same phone or e-mail, the same delivery line — each learning m of the fields its rule
 * did not pick the pairs by; a field's m is the mean over the sessions that had enough pairs with that field. One EM
 * over all candidate pairs instead (the fallback for fields no session could learn) lets a cluster of namesakes in one
 * postcode pass for "the same person" when common names are common: date of birth and address then look as if they
 * did not matter.
 */
final class TrainingSessions {
    /** A session teaches a field only with at least this many pairs where both sides have it. */
    static final int MIN_PAIRS = 200;
    static final int ITERATIONS = 25;

    private record Rule(String name, Predicate<int[]> picks, Set<Field> blocked) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("same date of birth", v -> v[Field.DATE_OF_BIRTH.ordinal()] == 0, EnumSet.of(Field.DATE_OF_BIRTH)),
            new Rule("same names", v -> v[Field.GIVEN_NAME.ordinal()] == 0 && v[Field.FAMILY_NAME.ordinal()] == 0,
                    EnumSet.of(Field.GIVEN_NAME, Field.FAMILY_NAME)),
            new Rule("same phone or e-mail", v -> v[Field.PHONE.ordinal()] == 0 || v[Field.EMAIL.ordinal()] == 0,
                    EnumSet.of(Field.PHONE, Field.EMAIL)),
            new Rule("same delivery line", v -> v[Field.ADDRESS.ordinal()] == 0, EnumSet.of(Field.ADDRESS)));

    private TrainingSessions() {
    }

    /**
     * @param start where each session's EM starts: the starting m (agreement likely for matches) with u estimated
     *        from random pairs — not the fallback's m, which may sit in the namesakes' basin
     * @param fallback the model learned by one EM over all candidates, asked for only when a field is left that no
     *        session could learn (its u and prior are kept)
     * @param vectors the candidate pairs' comparison vectors, aggregated
     */
    static FellegiSunterModel learn(FellegiSunterModel start, java.util.function.Supplier<FellegiSunterModel> fallback, Patterns vectors) {
        int fields = Field.values().length;
        double[][] sum = new double[fields][];
        int[] sessions = new int[fields];
        for (Field f : Field.values()) {
            sum[f.ordinal()] = new double[f.levels().size()];
        }
        for (Rule rule : RULES) {
            Patterns picked = vectors.where(rule.picks());
            if (picked.total() < MIN_PAIRS) {
                continue;
            }
            FellegiSunterModel session = start.fitSession(picked, ITERATIONS, rule.blocked());
            for (Field f : Field.values()) {
                if (rule.blocked().contains(f) || picked.present(f) < MIN_PAIRS) {
                    continue;
                }
                for (int l = 0; l < f.levels().size(); l++) {
                    sum[f.ordinal()][l] += session.m(f, l);
                }
                sessions[f.ordinal()]++;
            }
        }
        FellegiSunterModel rest = start;
        for (Field f : Field.values()) {
            if (sessions[f.ordinal()] == 0 && vectors.present(f) >= MIN_PAIRS) {
                rest = fallback.get(); // a field the data has but no session could learn
                break;
            }
        }
        double[][] m = new double[fields][];
        for (Field f : Field.values()) {
            int n = f.levels().size();
            m[f.ordinal()] = new double[n];
            for (int l = 0; l < n; l++) {
                m[f.ordinal()][l] = sessions[f.ordinal()] == 0 ? rest.m(f, l) : sum[f.ordinal()][l] / sessions[f.ordinal()];
            }
        }
        return start.withM(m);
    }
}
