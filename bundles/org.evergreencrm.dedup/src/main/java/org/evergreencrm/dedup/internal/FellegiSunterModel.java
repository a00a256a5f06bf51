package org.evergreencrm.dedup.internal;

import java.util.ArrayList;
import java.util.List;

import org.evergreencrm.api.dedup.FieldScore;

/**
 * The Fellegi–Sunter record-linkage model: for each field and agreement level, m = P(level | same person) and
 * u = P(level | different people); a pair's match weight is the prior log-odds plus log2(m/u) of each non-missing
 * field, and its probability follows from the weight. Parameters can be learned without labels by
 * expectation-maximisation over the candidate pairs ({@link #fit}), as Splink does.
 */
public final class FellegiSunterModel {
    private static final double FLOOR = 1e-6;
    private static final double LN2 = Math.log(2);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final double[][] m;
    private final double[][] u;
    private final double prior;
    /** log2(m/u) per field and level, and the prior log-odds: computed once, used for every pair. */
    private final double[][] weights;
    private final double priorWeight;

    public FellegiSunterModel(double[][] m, double[][] u, double prior) {
        this.m = m;
        this.u = u;
        this.prior = prior;
        this.weights = new double[m.length][];
        for (int f = 0; f < m.length; f++) {
            weights[f] = new double[m[f].length];
            for (int l = 0; l < m[f].length; l++) {
                weights[f][l] = log2(m[f][l] / u[f][l]);
            }
        }
        this.priorWeight = log2(prior / (1 - prior));
    }

    /** Sensible starting values (and the model used before any training): agreement is likely for matches, rare otherwise. */
    public static FellegiSunterModel defaults() {
        Field[] fields = Field.values();
        double[][] m = new double[fields.length][];
        double[][] u = new double[fields.length][];
        for (Field f : fields) {
            int n = f.levels().size();
            m[f.ordinal()] = n == 2 ? new double[] {0.92, 0.08} : new double[] {0.85, 0.10, 0.05};
            u[f.ordinal()] = switch (f) {
                case PHONE, EMAIL -> new double[] {0.0005, 0.9995};
                case LOCATION -> new double[] {0.005, 0.05, 0.945};
                case DATE_OF_BIRTH -> new double[] {0.0005, 0.002, 0.9975};
                case GIVEN_NAME -> new double[] {0.02, 0.02, 0.96};
                case FAMILY_NAME -> new double[] {0.005, 0.01, 0.985};
                case ADDRESS -> new double[] {0.001, 0.005, 0.994};
                case SECONDARY -> new double[] {0.03, 0.01, 0.96};
            };
        }
        return new FellegiSunterModel(m, u, 0.0001);
    }

    public double weight(int[] levels) {
        double w = priorWeight;
        for (int f = 0; f < levels.length; f++) {
            if (levels[f] != Field.MISSING) {
                w += weights[f][levels[f]];
            }
        }
        return w;
    }

    /** The weight with term-frequency adjustments ({@link TermFrequencies#adjustments}) added. */
    public double weight(int[] levels, double[] adjustments) {
        double w = weight(levels);
        for (double a : adjustments) {
            w += a;
        }
        return w;
    }

    public double probability(int[] levels) {
        return 1 / (1 + Math.pow(2, -weight(levels)));
    }

    public double probability(int[] levels, double[] adjustments) {
        return 1 / (1 + Math.pow(2, -weight(levels, adjustments)));
    }

    public List<FieldScore> explain(int[] levels, NormalizedPerson a, NormalizedPerson b) {
        return explain(levels, new double[levels.length], a, b);
    }

    /** Field by field; a field's weight includes its term-frequency adjustment, and its level says so. */
    public List<FieldScore> explain(int[] levels, double[] adjustments, NormalizedPerson a, NormalizedPerson b) {
        List<FieldScore> scores = new ArrayList<>();
        for (Field f : Field.values()) {
            int level = levels[f.ordinal()];
            double adj = adjustments[f.ordinal()];
            String label = level == Field.MISSING ? "missing" : f.levels().get(level)
                    + (adj <= -0.05 ? " (common value)" : adj >= 0.05 ? " (rare value)" : "");
            double w = level == Field.MISSING ? 0 : log2(m[f.ordinal()][level] / u[f.ordinal()][level]) + adj;
            scores.add(new FieldScore(f.label(), label, Math.round(w * 100) / 100.0, value(f, a), value(f, b)));
        }
        return scores;
    }

    /**
     * Expectation-maximisation of m over the comparison vectors of candidate pairs, starting from this model; the
     * match proportion stays at this model's prior (let free, EM drifts towards "every candidate is a match") and u
     * stays as it is (estimate it from random pairs with {@link #estimateU}: from
     * candidate pairs alone it would overstate agreement among non-matches, as blocking picked them for agreeing).
     */
    public FellegiSunterModel fit(List<int[]> pairs, int iterations) {
        return em(Patterns.of(pairs), iterations, java.util.Set.of(), false);
    }

    FellegiSunterModel fit(Patterns pairs, int iterations) {
        return em(pairs, iterations, java.util.Set.of(), false);
    }

    /**
     * One training session as Splink runs them: EM over the pairs a blocking rule picked (e.g. "the same date of
     * birth"), with the match share let free, learning m of every field but the {@code blocked} ones — those agree by
     * construction in these pairs, so they are left out of the E step and their m is kept. Returns the model with the
     * session's m and its learned match share as prior.
     */
    FellegiSunterModel fitSession(Patterns pairs, int iterations, java.util.Set<Field> blocked) {
        return em(pairs, iterations, blocked, true);
    }

    /** EM of m (but the blocked fields'), with the match share fixed at the prior or learned too; stops when converged. */
    private FellegiSunterModel em(Patterns pairs, int iterations, java.util.Set<Field> blocked, boolean freeLambda) {
        int fields = m.length;
        boolean[] learn = new boolean[fields];
        for (int f = 0; f < fields; f++) {
            learn[f] = !blocked.contains(Field.values()[f]);
        }
        double[][] mm = copy(m);
        double lambda = freeLambda ? 0.5 : prior;
        double total = pairs.total();
        for (int it = 0; it < iterations && total > 0; it++) {
            double[][] w = new double[fields][];
            for (int f = 0; f < fields; f++) {
                w[f] = new double[mm[f].length];
                for (int l = 0; l < mm[f].length; l++) {
                    w[f][l] = learn[f] ? log2(mm[f][l] / u[f][l]) : 0;
                }
            }
            double[][] mSum = zeros(mm);
            double[] mTotal = new double[fields];
            double pSum = 0;
            double base = log2(lambda / (1 - lambda));
            for (int i = 0; i < pairs.size(); i++) {
                int[] levels = pairs.levels().get(i);
                double s = base;
                for (int f = 0; f < fields; f++) {
                    if (levels[f] != Field.MISSING) {
                        s += w[f][levels[f]];
                    }
                }
                double p = pairs.counts()[i] / (1 + Math.exp(-s * LN2));
                pSum += p;
                for (int f = 0; f < fields; f++) {
                    if (levels[f] != Field.MISSING) {
                        mSum[f][levels[f]] += p;
                        mTotal[f] += p;
                    }
                }
            }
            double change = 0;
            for (int f = 0; f < fields; f++) {
                if (!learn[f]) {
                    continue;
                }
                for (int l = 0; l < mm[f].length; l++) {
                    if (mTotal[f] > 0) {
                        double next = clamp(mSum[f][l] / mTotal[f]);
                        change = Math.max(change, Math.abs(next - mm[f][l]));
                        mm[f][l] = next;
                    }
                }
            }
            if (freeLambda) {
                lambda = Math.max(0.001, Math.min(0.999, pSum / total));
            }
            if (change < 1e-4) {
                break; // converged
            }
        }
        return new FellegiSunterModel(mm, copy(u), lambda);
    }

    /**
     * The share of {@code pairs} that match under this model's m and u: EM over the match share alone (m and u
     * fixed), starting from this model's prior.
     */
    double matchShare(Patterns pairs, int iterations) {
        double[] w = new double[pairs.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weight(pairs.levels().get(i)) - priorWeight; // the evidence; the prior is what is learned
        }
        double total = pairs.total();
        double lambda = Math.max(0.001, Math.min(0.999, prior));
        for (int it = 0; it < iterations && total > 0; it++) {
            double base = log2(lambda / (1 - lambda));
            double pSum = 0;
            for (int i = 0; i < w.length; i++) {
                pSum += pairs.counts()[i] / (1 + Math.exp(-(w[i] + base) * LN2));
            }
            double next = Math.max(1e-6, Math.min(0.999, pSum / total));
            boolean converged = Math.abs(next - lambda) < 1e-6;
            lambda = next;
            if (converged) {
                break;
            }
        }
        return lambda;
    }

    /** The same u and prior with other m. */
    FellegiSunterModel withM(double[][] newM) {
        return new FellegiSunterModel(copy(newM), copy(u), prior);
    }

    /**
     * u from comparison vectors of random record pairs (almost all of them non-matches), with add-one smoothing;
     * m and the prior are kept.
     */
    public FellegiSunterModel estimateU(List<int[]> randomPairs) {
        double[][] uu = zeros(u);
        for (Field f : Field.values()) {
            int n = f.levels().size();
            double[] counts = new double[n];
            double total = 0;
            for (int[] levels : randomPairs) {
                if (levels[f.ordinal()] != Field.MISSING) {
                    counts[levels[f.ordinal()]]++;
                    total++;
                }
            }
            for (int l = 0; l < n; l++) {
                uu[f.ordinal()][l] = total == 0 ? u[f.ordinal()][l] : clamp((counts[l] + 1) / (total + n));
            }
        }
        return new FellegiSunterModel(copy(m), uu, prior);
    }

    public FellegiSunterModel withPrior(double newPrior) {
        return new FellegiSunterModel(copy(m), copy(u), clamp(newPrior));
    }

    public double prior() {
        return prior;
    }

    /** The parameters as JSON ({@code {"m":[[..]],"u":[[..]],"prior":p}}): a batch run's checkpoint. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(java.util.Map.of("m", m, "u", u, "prior", prior));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The model {@link #toJson} wrote; empty when the text is missing or not such a model (then learn again). */
    public static java.util.Optional<FellegiSunterModel> fromJson(String json) {
        if (json == null || json.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            com.fasterxml.jackson.databind.JsonNode n = JSON.readTree(json);
            double[][] m = JSON.treeToValue(n.get("m"), double[][].class);
            double[][] u = JSON.treeToValue(n.get("u"), double[][].class);
            if (m == null || u == null || m.length != Field.values().length || u.length != m.length) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new FellegiSunterModel(m, u, n.get("prior").asDouble()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    public double m(Field f, int level) {
        return m[f.ordinal()][level];
    }

    public double u(Field f, int level) {
        return u[f.ordinal()][level];
    }

    private static String value(Field f, NormalizedPerson p) {
        return switch (f) {
            case GIVEN_NAME -> p.given();
            case FAMILY_NAME -> p.family();
            case DATE_OF_BIRTH -> p.dateOfBirth() == null ? null : p.dateOfBirth().toString();
            case PHONE -> p.phones().isEmpty() ? null : String.join(" ", p.phones());
            case EMAIL -> p.emails().isEmpty() ? null : String.join(" ", p.emails());
            case ADDRESS -> p.deliveryLine();
            case SECONDARY -> p.secondary();
            case LOCATION -> (p.postcode() == null ? "" : p.postcode() + " ") + (p.city() == null ? "" : p.city());
        };
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static double clamp(double p) {
        return Math.min(1 - FLOOR, Math.max(FLOOR, p));
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static double[][] zeros(double[][] shape) {
        double[][] z = new double[shape.length][];
        for (int i = 0; i < shape.length; i++) {
            z[i] = new double[shape[i].length];
        }
        return z;
    }
}
