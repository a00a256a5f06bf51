package org.evergreencrm.api.scoring;

import java.util.List;

/**
 * How a model did on held-out rows it was not trained on: AUC, log loss (and that of always predicting the base
 * rate), Brier score, the decile table with cumulative gains, lift in the top 10%, the reliability curve of its
 * calibrated probabilities, and the probability cut points of the A–D priorities (quartiles of the held-out scores).
 */
public record ModelMetrics(long rows, long positives, double auc, double logLoss, double baseLogLoss, double brier,
        double liftAt10, List<Decile> deciles, List<ReliabilityBin> reliability, List<Double> priorityCuts) {
    public ModelMetrics {
        deciles = List.copyOf(deciles);
        reliability = List.copyOf(reliability);
        priorityCuts = List.copyOf(priorityCuts);
    }

    /** Rows sorted by score into ten equal groups, the highest first. */
    public record Decile(int decile, long rows, long positives, double rate, double lift, double cumulativeGain) {
    }

    /** Rows whose predicted probability fell in [from, to): how many, the mean prediction and the observed rate. */
    public record ReliabilityBin(double from, double to, long rows, double meanPredicted, double observedRate) {
    }
}
