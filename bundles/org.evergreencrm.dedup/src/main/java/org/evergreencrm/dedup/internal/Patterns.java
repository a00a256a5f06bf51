package org.evergreencrm.dedup.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Comparison vectors with a count each: the pairs of a run, aggregated, or any list of vectors (count 1 each). */
record Patterns(List<int[]> levels, double[] counts) {
    static Patterns of(List<int[]> vectors) {
        double[] ones = new double[vectors.size()];
        java.util.Arrays.fill(ones, 1);
        return new Patterns(vectors, ones);
    }

    int size() {
        return levels.size();
    }

    /** How many pairs in all. */
    double total() {
        double t = 0;
        for (double c : counts) {
            t += c;
        }
        return t;
    }

    /** The patterns a rule picks, with their counts. */
    Patterns where(Predicate<int[]> rule) {
        List<int[]> picked = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            if (rule.test(levels.get(i))) {
                picked.add(levels.get(i));
                weights.add(counts[i]);
            }
        }
        return new Patterns(picked, weights.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** How many pairs have a value on both sides for {@code field}. */
    double present(Field field) {
        double n = 0;
        for (int i = 0; i < levels.size(); i++) {
            n += levels.get(i)[field.ordinal()] == Field.MISSING ? 0 : counts[i];
        }
        return n;
    }
}
