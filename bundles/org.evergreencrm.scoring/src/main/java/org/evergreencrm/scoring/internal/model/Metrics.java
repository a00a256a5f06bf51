package org.evergreencrm.scoring.internal.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.evergreencrm.scoring.internal.data.LeakageGuard;

/**
 * How good predicted probabilities are on held-out rows: AUC, log loss, Brier score, the decile table (rows sorted by
 * score, ten equal groups: positives, rate, lift over the base rate, cumulative gains) and lift at the top 10%.
 */
public record Metrics(long rows, long positives, double auc, double logLoss, double brier, double baseLogLoss, List<Decile> deciles,
        double liftAt10) {

    public record Decile(int decile, long rows, long positives, double rate, double lift, double cumulativeGain) {
    }

    /** {@code scored}: {probability, label (0/1)}. */
    public static Metrics of(List<double[]> scored) {
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
        List<Decile> deciles = new ArrayList<>();
        long cumPos = 0;
        for (int d = 0; d < 10; d++) {
            int from = (int) (n * d / 10);
            int to = (int) (n * (d + 1) / 10);
            long p = s.subList(from, to).stream().filter(x -> x[1] == 1).count();
            cumPos += p;
            double rate = to > from ? (double) p / (to - from) : 0;
            deciles.add(new Decile(d + 1, to - from, p, rate, base == 0 ? 0 : rate / base, pos == 0 ? 0 : (double) cumPos / pos));
        }
        return new Metrics(n, pos, auc, ll / n, brier / n, baseLl / n, deciles, deciles.get(0).lift());
    }
}
