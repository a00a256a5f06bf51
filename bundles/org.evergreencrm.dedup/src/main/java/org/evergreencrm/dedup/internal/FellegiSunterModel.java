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

    public double probability(int[] levels) {
        return 1 / (1 + Math.pow(2, -weight(levels)));
    }

    public List<FieldScore> explain(int[] levels, NormalizedPerson a, NormalizedPerson b) {
        List<FieldScore> scores = new ArrayList<>();
        for (Field f : Field.values()) {
            int level = levels[f.ordinal()];
            String label = level == Field.MISSING ? "missing" : f.levels().get(level);
            double w = level == Field.MISSING ? 0 : log2(m[f.ordinal()][level] / u[f.ordinal()][level]);
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
        int fields = m.length;
        double[][] mm = copy(m);
        double[][] uu = copy(u);
        double lambda = prior;
        for (int it = 0; it < iterations; it++) {
            double[][] mSum = zeros(mm);
            double[] mTotal = new double[fields];
            FellegiSunterModel current = new FellegiSunterModel(mm, uu, lambda);
            for (int[] levels : pairs) {
                double p = current.probability(levels);
                for (int f = 0; f < fields; f++) {
                    if (levels[f] != Field.MISSING) {
                        mSum[f][levels[f]] += p;
                        mTotal[f] += p;
                    }
                }
            }
            for (int f = 0; f < fields; f++) {
                for (int l = 0; l < mm[f].length; l++) {
                    if (mTotal[f] > 0) {
                        mm[f][l] = clamp(mSum[f][l] / mTotal[f]);
                    }

                }
            }
        }
        return new FellegiSunterModel(mm, uu, lambda);
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
