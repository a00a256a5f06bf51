package org.evergreencrm.queue.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.evergreencrm.api.queue.Bucket;

/**
 * The list mix across buckets: which bucket to serve next so that, over time, each bucket gets its weight's share
 * of the claims. {@code EVEN} interleaves deterministically (smooth weighted round-robin: weights 2:1 serve
 * A, B, A, A, B, A ...); {@code RANDOM} draws by weight. The first bucket is the one whose turn it is; the rest
 * follow by weight, so a claim falls through to the next bucket when the chosen one has nothing callable.
 */
final class BucketMix {
    enum Mode {
        EVEN, RANDOM
    }

    private final Mode mode;
    private final Map<Long, Long> current = new HashMap<>();

    BucketMix(Mode mode) {
        this.mode = mode;
    }

    synchronized List<Bucket> order(List<Bucket> buckets) {
        List<Bucket> active = buckets.stream().filter(b -> b.weight() > 0).toList();
        if (active.isEmpty()) {
            return List.of();
        }
        long total = active.stream().mapToLong(Bucket::weight).sum();
        Bucket first;
        if (mode == Mode.RANDOM) {
            long pick = ThreadLocalRandom.current().nextLong(total);
            Bucket chosen = active.get(active.size() - 1);
            for (Bucket b : active) {
                pick -= b.weight();
                if (pick < 0) {
                    chosen = b;
                    break;
                }
            }
            first = chosen;
        } else {
            first = null;
            long best = Long.MIN_VALUE;
            for (Bucket b : active) {
                long v = current.merge(b.id(), (long) b.weight(), Long::sum);
                if (v > best) {
                    best = v;
                    first = b;
                }
            }
            current.merge(first.id(), -total, Long::sum);
        }
        List<Bucket> out = new ArrayList<>();
        out.add(first);
        Bucket chosen = first;
        active.stream().filter(b -> b.id() != chosen.id()).sorted(Comparator.comparingInt(Bucket::weight).reversed()
                .thenComparingLong(Bucket::id)).forEach(out::add);
        return out;
    }

    /** A claim fell through from the bucket whose turn it was to another: credit the other one's turn. */
    synchronized void served(Bucket chosen, Bucket served, long total) {
        if (mode == Mode.EVEN && chosen.id() != served.id()) {
            current.merge(chosen.id(), total, Long::sum);
            current.merge(served.id(), -total, Long::sum);
        }
    }
}
