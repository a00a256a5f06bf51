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

    public static Scores best(List<MatchResult> scored, List<String[]> truePairs) {
        Scores best = at(0.5, scored, truePairs);
        for (double t : new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99, 0.995, 0.999}) {
            Scores s = at(t, scored, truePairs);
            if (s.f1() > best.f1()) {
                best = s;
            }
        }
        return best;
    }
}
