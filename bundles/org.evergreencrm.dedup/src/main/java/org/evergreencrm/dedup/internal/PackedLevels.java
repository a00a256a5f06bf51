package org.evergreencrm.dedup.internal;

/**
 * Comparison vectors packed two bits per field into one int (level 0–2, or 3 for missing): a million records give
 * some ten million candidate pairs, and ten million {@code int[]} would cost the batch search more in memory and
 * garbage collection than comparing them does.
 */
final class PackedLevels {
    private static final int FIELDS = Field.values().length;

    static {
        if (FIELDS > 16) {
            throw new IllegalStateException("two bits per field fit 16 fields in an int");
        }
    }

    private PackedLevels() {
    }

    static int pack(int[] levels) {
        int code = 0;
        for (int f = 0; f < FIELDS; f++) {
            code |= (levels[f] == Field.MISSING ? 3 : levels[f]) << (2 * f);
        }
        return code;
    }

    static int[] unpack(int code) {
        int[] levels = new int[FIELDS];
        for (int f = 0; f < FIELDS; f++) {
            int l = (code >>> (2 * f)) & 3;
            levels[f] = l == 3 ? Field.MISSING : l;
        }
        return levels;
    }

    /**
     * The distinct comparison vectors among {@code codes} with how often each occurs — EM over these is EM over every
     * pair (as Splink aggregates comparison vectors), at the cost of a few thousand patterns instead of ten million pairs.
     */
    static Patterns histogram(int[] codes) {
        int[] counts = new int[1 << (2 * FIELDS)];
        for (int c : codes) {
            counts[c]++;
        }
        java.util.List<int[]> levels = new java.util.ArrayList<>();
        java.util.List<Double> weights = new java.util.ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                levels.add(unpack(c));
                weights.add((double) counts[c]);
            }
        }
        return new Patterns(levels, weights.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
