package org.evergreencrm.scoring.internal.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Isotonic calibration: the non-decreasing step function of the raw score that best fits the observed outcomes of
 * rows the learner did not train on (pool-adjacent-violators, an exact algorithm, not an iterative optimizer), read
 * between the blocks' mean scores by linear interpolation. Kept as its knots so it can be stored with the model.
 */
public record Isotonic(double[] x, double[] y) {
    /** Never 0 or 1: a calibrated chance of exactly 0 would be a claim no finite data supports. */
    private static final double FLOOR = 0.001;

    /** {@code scored}: {raw probability, label (0/1)}. */
    static Isotonic fit(List<double[]> scored) {
        List<double[]> s = new ArrayList<>(scored);
        s.sort(Comparator.comparingDouble(a -> a[0]));
        // blocks: {sum of x, sum of y, count}
        List<double[]> blocks = new ArrayList<>();
        for (double[] r : s) {
            blocks.add(new double[] {r[0], r[1], 1});
            while (blocks.size() > 1) {
                double[] last = blocks.get(blocks.size() - 1);
                double[] prev = blocks.get(blocks.size() - 2);
                if (prev[1] / prev[2] < last[1] / last[2]) {
                    break;
                }
                prev[0] += last[0];
                prev[1] += last[1];
                prev[2] += last[2];
                blocks.remove(blocks.size() - 1);
            }
        }
        double[] x = new double[blocks.size()];
        double[] y = new double[blocks.size()];
        for (int i = 0; i < x.length; i++) {
            double[] b = blocks.get(i);
            x[i] = b[0] / b[2];
            y[i] = b[1] / b[2];
        }
        return new Isotonic(x, y);
    }

    double apply(double raw) {
        double p;
        if (x.length == 0) {
            p = raw;
        } else if (raw <= x[0]) {
            p = y[0];
        } else if (raw >= x[x.length - 1]) {
            p = y[y.length - 1];
        } else {
            int i = java.util.Arrays.binarySearch(x, raw);
            if (i >= 0) {
                p = y[i];
            } else {
                int hi = -i - 1;
                int lo = hi - 1;
                double t = (raw - x[lo]) / (x[hi] - x[lo]);
                p = y[lo] + t * (y[hi] - y[lo]);
            }
        }
        return Math.max(FLOOR, Math.min(1 - FLOOR, p));
    }
}
