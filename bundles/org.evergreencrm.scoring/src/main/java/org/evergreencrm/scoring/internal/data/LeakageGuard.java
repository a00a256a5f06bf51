package org.evergreencrm.scoring.internal.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps what is known only after the outcome out of a model: a feature the mapping marks {@code afterOutcome} (call
 * duration, final stage) is refused with a clear message; a feature that on its own predicts the outcome almost
 * perfectly (a single-feature AUC of {@value #NEAR_PERFECT} or more, either way round) is warned about, since it is
 * most likely recorded after the fact.
 */
public final class LeakageGuard {
    public static final double NEAR_PERFECT = 0.97;

    private LeakageGuard() {
    }

    static void refuseAfterOutcome(Mapping mapping) {
        for (FeatureSpec f : mapping.features().values()) {
            if (f.afterOutcome()) {
                throw new Mapping.MappingException("features." + f.column(), "is known only after the outcome (afterOutcome: true), "
                        + "so it cannot be used to score a new lead: drop it (a model trained on it looks excellent and predicts nothing)");
            }
        }
    }

    static List<String> nearPerfect(TrainingSet set) {
        List<String> out = new ArrayList<>();
        for (String f : set.features()) {
            double auc = singleFeatureAuc(set, f);
            if (Double.isFinite(auc) && Math.max(auc, 1 - auc) >= NEAR_PERFECT) {
                out.add(String.format(Locale.ROOT, "feature '%s' alone predicts the outcome almost perfectly (AUC %.3f): is it known only "
                        + "after the outcome? If so mark it afterOutcome: true", f, Math.max(auc, 1 - auc)));
            }
        }
        return out;
    }

    /**
     * The AUC of one feature on its own: the value itself for numbers and dates, the positive rate of the category
     * for categories and booleans; rows where it is missing left out. NaN when it cannot be told.
     */
    static double singleFeatureAuc(TrainingSet set, String feature) {
        FeatureSpec.Type type = set.types().get(feature);
        List<double[]> scored = new ArrayList<>(); // {score, label}
        if (type == FeatureSpec.Type.NUMERIC || type == FeatureSpec.Type.DATE) {
            for (TrainingSet.Row r : set.rows()) {
                Object v = r.values().get(feature);
                if (v instanceof Double d) {
                    scored.add(new double[] {d, r.label() ? 1 : 0});
                } else if (v instanceof java.time.LocalDateTime t) {
                    scored.add(new double[] {t.toLocalDate().toEpochDay(), r.label() ? 1 : 0});
                }
            }
        } else {
            Map<Object, long[]> counts = new HashMap<>();
            for (TrainingSet.Row r : set.rows()) {
                Object v = r.values().get(feature);
                if (v != null) {
                    long[] c = counts.computeIfAbsent(v, k -> new long[2]);
                    c[r.label() ? 1 : 0]++;
                }
            }
            for (TrainingSet.Row r : set.rows()) {
                Object v = r.values().get(feature);
                if (v != null) {
                    long[] c = counts.get(v);
                    scored.add(new double[] {(double) c[1] / (c[0] + c[1]), r.label() ? 1 : 0});
                }
            }
        }
        return auc(scored);
    }

    /** The ROC AUC of {score, label (0/1)} pairs (Tribuo's), ties counted half; NaN without both outcomes. */
    public static double auc(List<double[]> scored) {
        boolean[] labels = new boolean[scored.size()];
        double[] scores = new double[scored.size()];
        for (int k = 0; k < labels.length; k++) {
            labels[k] = scored.get(k)[1] == 1;
            scores[k] = scored.get(k)[0];
        }
        long pos = java.util.stream.IntStream.range(0, labels.length).filter(k -> labels[k]).count();
        return pos == 0 || pos == labels.length ? Double.NaN
                : org.tribuo.classification.evaluation.LabelEvaluationUtil.binaryAUCROC(labels, scores);
    }
}
