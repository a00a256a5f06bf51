package org.evergreencrm.dedup.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.evergreencrm.api.dedup.MatchResult;

/** Precision, recall and F1 of predicted pairs against true pairs, and the threshold that maximises F1. */
public final class Evaluation {
    public record Scores(double threshold, int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private Evaluation() {
    }

    static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "," + b : b + "," + a;
    }

    public static Scores at(double threshold, List<MatchResult> scored, List<String[]> truePairs) {
        Set<String> truth = new HashSet<>();
        truePairs.forEach(p -> truth.add(key(p[0], p[1])));
        int tp = 0;
        int fp = 0;
        for (MatchResult r : scored) {
            if (r.probability() >= threshold) {
                if (truth.contains(key(r.leftId(), r.rightId()))) {
                    tp++;
                } else {
                    fp++;
                }
            }
        }
        return new Scores(threshold, tp, fp, truth.size() - tp);
    }

    /** The best F1 over thresholds from the lowest a run keeps ({@link DuplicateFinder#KEEP}) up, every 0.025, and 0.999. */
    public static Scores best(List<MatchResult> scored, List<String[]> truePairs) {
        Scores best = at(0.5, scored, truePairs);
        java.util.List<Double> grid = new java.util.ArrayList<>();
        for (int i = 0; DuplicateFinder.KEEP + i * 0.025 < 1.0; i++) {
            grid.add(Math.round((DuplicateFinder.KEEP + i * 0.025) * 1000) / 1000.0);
        }
        grid.add(0.999);
        for (double t : grid) {
            Scores s = at(t, scored, truePairs);
            if (s.f1() > best.f1()) {
                best = s;
            }
        }
        return best;
    }
}
