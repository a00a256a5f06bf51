package org.evergreencrm.dedup.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.evergreencrm.api.dedup.MatchResult;
import org.evergreencrm.api.dedup.PersonRecord;

/**
 * Finds duplicate pairs in a set of records: normalize, block, compare candidate pairs, learn the model's
 * parameters without labels (u from random pairs, m by EM over candidate pairs), score with term-frequency
 * adjustments from the records' own name and postcode frequencies, keep what reaches the threshold. This is the in-memory engine of the batch job and of the evaluation tooling.
 */
public final class DuplicateFinder {
    /** Blocks larger than this are skipped: a key that many records share says nothing. */
    static final int MAX_BLOCK = 100;
    /** Pairs scoring below this are not kept in the result (they are still counted as compared). */
    static final double KEEP = 0.05;
    private final PersonNormalizer normalizer;
    private final FellegiSunterModel start;

    public DuplicateFinder(PersonNormalizer normalizer, FellegiSunterModel start) {
        this.normalizer = normalizer;
        this.start = start;
    }

    /** The outcome of a run: the learned model and every scored candidate pair, best first. */
    public record Run(FellegiSunterModel model, List<MatchResult> pairs, int candidatePairs) {
        public List<MatchResult> above(double threshold) {
            return pairs.stream().filter(p -> p.probability() >= threshold).toList();
        }
    }

    /** Told what the run is doing; asked whether to stop. */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void progress(String phase, long done, long total) {
        }

        default boolean cancelled() {
            return false;
        }

        /** The model was learned (not called when the run was given one). */
        default void learned(FellegiSunterModel model) {
        }

        /**
         * The run is making progress: called every few thousand records or pairs, from whichever thread did them
         * (phases run in parallel), so a job can keep its heartbeat from its own work.
         */
        default void alive() {
        }
    }

    /** Calls {@link Listener#alive()} every {@value #TICK} units of work, from any thread. */
    static final class Ticker {
        static final int TICK = 4096;
        private final Listener listener;
        private final java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();

        Ticker(Listener listener) {
            this.listener = listener;
        }

        void tick() {
            if ((count.incrementAndGet() & (TICK - 1)) == 0) {
                listener.alive();
            }
        }
    }

    /** Thrown when the listener asked to stop. */
    public static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("cancelled");
        }
    }

    public Run run(List<PersonRecord> records) {
        return run(records, Listener.NONE);
    }

    public Run run(List<PersonRecord> records, Listener listener) {
        return run(records, listener, null);
    }

    /**
     * @param learned the model a previous (interrupted) run learned on the same data, or {@code null} to learn one;
     *        the listener hears {@code learned(model)} once the model is known, so it can be checkpointed
     */
    public Run run(List<PersonRecord> records, Listener listener, FellegiSunterModel learned) {
        Ticker ticker = new Ticker(listener);
        listener.progress("normalizing", 0, records.size());
        List<NormalizedPerson> people = records.parallelStream().map(r -> {
            ticker.tick();
            return normalizer.normalize(r);
        }).toList();
        check(listener);
        listener.progress("blocking", 0, people.size());
        long[] pairs = candidatePairs(people, ticker);
        check(listener);
        listener.progress("comparing", 0, pairs.length);
        int[] codes = new int[pairs.length];
        java.util.stream.IntStream.range(0, pairs.length).parallel().forEach(i -> {
            if ((i & 63) == 0) {
                ticker.tick(); // one shared counter for every pair would cost the two threads more than some comparisons
            }
            codes[i] = PackedLevels.pack(PairComparator.compare(people.get((int) (pairs[i] >>> 32)), people.get((int) pairs[i])));
        });
        check(listener);
        FellegiSunterModel model = learned;
        if (model == null) {
            listener.progress("learning", 0, codes.length);
            // EM among candidates uses the candidates' match share; scoring uses the chance that two records picked at
            // random match (as Splink does), since blocking is a filter, not evidence.
            Patterns patterns = PackedLevels.histogram(codes);
            double sure = sureMatches(patterns);
            double candidateShare = codes.length == 0 ? 0.5 : Math.max(0.01, Math.min(0.99, sure / codes.length));
            double pairsTotal = (double) people.size() * (people.size() - 1) / 2;
            double globalPrior = Math.max(1, sure) / Math.max(1, pairsTotal);
            FellegiSunterModel withU = start.estimateU(randomVectors(people, 20_000)).withPrior(candidateShare);
            model = TrainingSessions.learn(withU, () -> withU.fit(patterns, 25), patterns);
            // the expected number of matches among the candidates under the learned m and u, over all record pairs (the
            // cautious rule's count is the floor)
            double expected = model.matchShare(patterns, 25) * codes.length;
            globalPrior = Math.max(globalPrior, expected / Math.max(1, pairsTotal));
            model = model.withPrior(globalPrior);
            check(listener);
            listener.learned(model);
        }
        listener.progress("scoring", 0, pairs.length);
        TermFrequencies frequencies = TermFrequencies.of(people);
        FellegiSunterModel scoring = model;
        // a pair whose weight cannot reach KEEP even with the largest term-frequency boost is dropped unscored
        double[] base = new double[1 << (2 * Field.values().length)];
        java.util.Arrays.fill(base, Double.NaN);
        double keepWeight = Math.log(KEEP / (1 - KEEP)) / Math.log(2);
        List<MatchResult> results = new ArrayList<>(java.util.stream.IntStream.range(0, pairs.length).parallel().mapToObj(i -> {
            if ((i & 63) == 0) {
                ticker.tick();
            }
            int code = codes[i];
            double best = base[code];
            if (Double.isNaN(best)) {
                int[] levels = PackedLevels.unpack(code);
                best = scoring.weight(levels) + TermFrequencies.LIMIT * TermFrequencies.adjustable(levels);
                base[code] = best; // the same value from any thread
            }
            if (best < keepWeight) {
                return null;
            }
            int[] levels = PackedLevels.unpack(code);
            NormalizedPerson a = people.get((int) (pairs[i] >>> 32));
            NormalizedPerson b = people.get((int) pairs[i]);
            double[] adjustments = frequencies.adjustments(scoring, levels, a, b);
            double w = scoring.weight(levels, adjustments);
            double p = 1 / (1 + Math.pow(2, -w));
            return p >= KEEP ? new MatchResult(a.id(), b.id(), p, w, scoring.explain(levels, adjustments, a, b)) : null;
        }).filter(java.util.Objects::nonNull).toList());
        results.sort(Comparator.comparingDouble(MatchResult::probability).reversed());
        return new Run(model, results, pairs.length);
    }

    /**
     * Candidate pairs that a deterministic rule which rarely errs calls matches: the same phone or e-mail and a
     * close family name; or, for records without them, the same date of birth, close given and family names and the
     * same address or place. It misses some matches, so priors derived from it are on the cautious side.
     */
    static double sureMatches(Patterns vectors) {
        double sure = 0;
        for (int i = 0; i < vectors.size(); i++) {
            int[] v = vectors.levels().get(i);
            boolean contact = v[Field.PHONE.ordinal()] == 0 || v[Field.EMAIL.ordinal()] == 0;
            boolean name = v[Field.FAMILY_NAME.ordinal()] == 0 || v[Field.FAMILY_NAME.ordinal()] == 1;
            // without phones or e-mails (person lists): the same birth date, close names and the same address or place
            boolean given = v[Field.GIVEN_NAME.ordinal()] == 0 || v[Field.GIVEN_NAME.ordinal()] == 1;
            boolean place = v[Field.ADDRESS.ordinal()] == 0 || v[Field.LOCATION.ordinal()] == 0;
            boolean identity = v[Field.DATE_OF_BIRTH.ordinal()] == 0 && name && given && place;
            if (contact && name || identity) {
                sure += vectors.counts()[i];
            }
        }
        return sure;
    }

    /**
     * Sort-based blocking over primitive arrays: every (key, record) becomes one long — a 40-bit hash of the key
     * above the record index — so sorting groups each block; pairs are packed as {@code a << 32 | b}, sorted and
     * de-duplicated. No per-key objects, which matters at a million records.
     */
    static long[] candidatePairs(List<NormalizedPerson> people) {
        return candidatePairs(people, new Ticker(Listener.NONE));
    }

    static long[] candidatePairs(List<NormalizedPerson> people, Ticker ticker) {
        if (people.size() >= (1 << 24)) {
            throw new IllegalArgumentException("at most 16,777,215 records per run");
        }
        List<long[]> hashes = people.parallelStream()
                .map(person -> {
                    ticker.tick();
                    return BlockingKeys.hashes(person);
                }).toList();
        long[] entries = new long[16];
        int n = 0;
        for (int i = 0; i < people.size(); i++) {
            for (long key : hashes.get(i)) {
                if (n == entries.length) {
                    entries = java.util.Arrays.copyOf(entries, n * 2);
                }
                entries[n++] = (key << 24) | i;
            }
        }
        entries = java.util.Arrays.copyOf(entries, n);
        java.util.Arrays.parallelSort(entries);

        long[] pairs = new long[16];
        int p = 0;
        int start = 0;
        while (start < n) {
            long block = entries[start] >>> 24;
            int end = start + 1;
            while (end < n && entries[end] >>> 24 == block) {
                end++;
            }
            int size = end - start;
            ticker.tick();
            if (size >= 2 && size <= MAX_BLOCK) {
                for (int x = start; x < end; x++) {
                    for (int y = x + 1; y < end; y++) {
                        long a = entries[x] & 0xFFFFFF;
                        long b = entries[y] & 0xFFFFFF;
                        if (a == b) {
                            continue;
                        }
                        if (p == pairs.length) {
                            pairs = java.util.Arrays.copyOf(pairs, p * 2);
                        }
                        pairs[p++] = a < b ? (a << 32) | b : (b << 32) | a;
                    }
                }
            }
            start = end;
        }
        java.util.Arrays.parallelSort(pairs, 0, p);
        int unique = 0;
        for (int i = 0; i < p; i++) {
            if (unique == 0 || pairs[unique - 1] != pairs[i]) {
                pairs[unique++] = pairs[i];
            }
        }
        return java.util.Arrays.copyOf(pairs, unique);
    }

    private static void check(Listener listener) {
        if (listener.cancelled()) {
            throw new Cancelled();
        }
    }

    /** Number of clusters (connected groups of two or more records) the pairs form. */
    public static int clusters(List<MatchResult> pairs) {
        Map<String, String> parent = new HashMap<>();
        for (MatchResult p : pairs) {
            union(parent, p.leftId(), p.rightId());
        }
        Set<String> roots = new HashSet<>();
        for (String id : parent.keySet()) {
            roots.add(find(parent, id));
        }
        return roots.size();
    }

    private static String find(Map<String, String> parent, String id) {
        String root = id;
        while (!parent.getOrDefault(root, root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(id, root);
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }

    private static List<int[]> randomVectors(List<NormalizedPerson> people, int count) {
        List<int[]> vectors = new ArrayList<>();
        if (people.size() < 2) {
            return vectors;
        }
        Random random = new Random(42);
        for (int i = 0; i < count; i++) {
            int a = random.nextInt(people.size());
            int b = random.nextInt(people.size());
            if (a != b) {
                vectors.add(PairComparator.compare(people.get(a), people.get(b)));
            }
        }
        return vectors;
    }
}
