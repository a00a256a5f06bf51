package org.evergreencrm.scoring.internal.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.evergreencrm.api.scoring.ModelMetrics;
import org.evergreencrm.scoring.internal.data.LeakageGuard;

/**
 * How good predicted probabilities are on held-out rows: AUC, log loss, Brier score, the decile table (rows sorted by
 * score, ten equal groups: positives, rate, lift over the base rate, cumulative gains; rows with equal scores share
 * their positives, so ties are not broken in the model's favour), lift at the top 10%, the
 * reliability curve (ten bins of predicted probability: mean prediction against the observed rate) and the quartiles
 * of the predictions, which become the A–D priority cut points.
 */
final class Metrics {
    private Metrics() {
    }

    /** {@code scored}: {probability, label (0/1)}. */
    static ModelMetrics of(List<double[]> scored) {
        List<double[]> s = new ArrayList<>(scored);
        long n = s.size();
        long pos = s.stream().filter(x -> x[1] == 1).count();
        double base = (double) pos / n;
        double ll = 0;
        double brier = 0;
        double baseLl = 0;
        for (double[] x : s) {
            double p = Math.min(1 - 1e-15, Math.max(1e-15, x[0]));
            ll -= x[1] == 1 ? Math.log(p) : Math.log(1 - p);
            brier += (x[0] - x[1]) * (x[0] - x[1]);
            baseLl -= x[1] == 1 ? Math.log(base) : Math.log(1 - base);
        }
        double auc = LeakageGuard.auc(new ArrayList<>(s));
        s.sort(Comparator.comparingDouble((double[] x) -> x[0]).reversed());
        // Rows with the same score cannot be told apart by the model: each position of a tie group counts the group's
        // share of positives, so a decile boundary through a tie is not filled by whichever rows happened to come first.
        double[] expected = new double[(int) n];
        for (int i = 0; i < n;) {
            int j = i;
            double groupPositives = 0;
            while (j < n && s.get(j)[0] == s.get(i)[0]) {
                groupPositives += s.get(j)[1];
                j++;
            }
            java.util.Arrays.fill(expected, i, j, groupPositives / (j - i));
            i = j;
        }
        List<ModelMetrics.Decile> deciles = new ArrayList<>();
        double cumPos = 0;
        for (int d = 0; d < 10; d++) {
            int from = (int) (n * d / 10);
            int to = (int) (n * (d + 1) / 10);
            double p = 0;
            for (int i = from; i < to; i++) {
                p += expected[i];
            }
            cumPos += p;
            double rate = to > from ? p / (to - from) : 0;
            deciles.add(new ModelMetrics.Decile(d + 1, to - from, Math.round(p), rate, base == 0 ? 0 : rate / base, pos == 0 ? 0 : cumPos / pos));
        }
        List<Double> cuts = new ArrayList<>();
        for (double q : new double[] {0.25, 0.5, 0.75}) { // sorted descending: the top quarter is above the 75th percentile
            cuts.add(s.isEmpty() ? 0 : s.get((int) Math.min(n - 1, Math.floor(n * (1 - q))))[0]);
        }
        return new ModelMetrics(n, pos, auc, ll / n, baseLl / n, brier / n, deciles.get(0).lift(), deciles, reliability(s), cuts);
    }

    private static List<ModelMetrics.ReliabilityBin> reliability(List<double[]> s) {
        List<ModelMetrics.ReliabilityBin> bins = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            double from = b / 10.0;
            double to = (b + 1) / 10.0;
            final int bin = b;
            List<double[]> in = s.stream().filter(x -> Math.min(9, (int) (x[0] * 10)) == bin).toList();
            double mean = in.stream().mapToDouble(x -> x[0]).average().orElse(Double.NaN);
            double rate = in.stream().mapToDouble(x -> x[1]).average().orElse(Double.NaN);
            bins.add(new ModelMetrics.ReliabilityBin(from, to, in.size(), in.isEmpty() ? 0 : mean, in.isEmpty() ? 0 : rate));
        }
        return bins;
    }
}
