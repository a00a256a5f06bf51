package org.evergreencrm.dedup.internal;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Term-frequency adjustment, as Splink does it: agreeing on a common value ("smith", a city-centre postcode) says less
 * than agreeing on a rare one. For an exact agreement on value v the Bayes factor m/u becomes m/tf(v), tf(v) being the
 * share of records (with a value) that hold v — so the adjustment added to the field's weight is log2(u / tf(v)),
 * limited to ±{@value #LIMIT} bits so that one field cannot decide a pair by its rarity alone. Frequencies come from
 * the records of the run itself; fields without a table (and the online check, which has none) are not adjusted.
 */
public final class TermFrequencies {
    /** No table: no adjustment. */
    public static final TermFrequencies NONE = new TermFrequencies(new EnumMap<>(Field.class), new EnumMap<>(Field.class));
    static final double LIMIT = 6;
    private final Map<Field, Map<String, Integer>> counts;
    private final Map<Field, Integer> totals;

    private TermFrequencies(Map<Field, Map<String, Integer>> counts, Map<Field, Integer> totals) {
        this.counts = counts;
        this.totals = totals;
    }

    /** The frequencies of given names, family names and postcodes among {@code people}. */
    public static TermFrequencies of(List<NormalizedPerson> people) {
        Map<Field, Map<String, Integer>> counts = new EnumMap<>(Field.class);
        Map<Field, Integer> totals = new EnumMap<>(Field.class);
        count(people, Field.GIVEN_NAME, NormalizedPerson::given, counts, totals);
        count(people, Field.FAMILY_NAME, NormalizedPerson::family, counts, totals);
        count(people, Field.LOCATION, NormalizedPerson::postcode, counts, totals);
        return new TermFrequencies(counts, totals);
    }

    private static void count(List<NormalizedPerson> people, Field field, Function<NormalizedPerson, String> value,
            Map<Field, Map<String, Integer>> counts, Map<Field, Integer> totals) {
        Map<String, Integer> c = new HashMap<>();
        int total = 0;
        for (NormalizedPerson p : people) {
            String v = value.apply(p);
            if (v != null) {
                c.merge(v, 1, Integer::sum);
                total++;
            }
        }
        counts.put(field, c);
        totals.put(field, total);
    }

    /** The share of records holding {@code value} in {@code field}, or {@code -1} when unknown. */
    double frequency(Field field, String value) {
        Map<String, Integer> c = counts.get(field);
        Integer n = c == null || value == null ? null : c.get(value);
        return n == null ? -1 : (double) n / totals.get(field);
    }

    /**
     * The adjustment of each field's weight for this pair (0 where none applies): only exact agreements on one value —
     * a nickname match or a swapped pair of names agrees on two values and keeps the field's own weight.
     */
    public double[] adjustments(FellegiSunterModel model, int[] levels, NormalizedPerson a, NormalizedPerson b) {
        double[] adj = new double[levels.length];
        if (counts.isEmpty()) {
            return adj;
        }
        if (levels[Field.GIVEN_NAME.ordinal()] == 0 && a.given() != null && a.given().equals(b.given())) {
            adj[Field.GIVEN_NAME.ordinal()] = adjustment(model, Field.GIVEN_NAME, a.given());
        }
        if (levels[Field.FAMILY_NAME.ordinal()] == 0 && a.family() != null && a.family().equals(b.family())) {
            adj[Field.FAMILY_NAME.ordinal()] = adjustment(model, Field.FAMILY_NAME, a.family());
        }
        if (levels[Field.LOCATION.ordinal()] == 0 && a.postcode() != null && a.postcode().equals(b.postcode())) {
            adj[Field.LOCATION.ordinal()] = adjustment(model, Field.LOCATION, a.postcode());
        }
        return adj;
    }

    /** How many fields of these levels could get a (positive) adjustment: those adjusted, at their exact level. */
    static int adjustable(int[] levels) {
        return (levels[Field.GIVEN_NAME.ordinal()] == 0 ? 1 : 0) + (levels[Field.FAMILY_NAME.ordinal()] == 0 ? 1 : 0)
                + (levels[Field.LOCATION.ordinal()] == 0 ? 1 : 0);
    }

    private double adjustment(FellegiSunterModel model, Field field, String value) {
        double tf = frequency(field, value);
        if (tf <= 0) {
            return 0;
        }
        double bits = Math.log(model.u(field, 0) / tf) / Math.log(2);
        return Math.max(-LIMIT, Math.min(LIMIT, bits));
    }
}
