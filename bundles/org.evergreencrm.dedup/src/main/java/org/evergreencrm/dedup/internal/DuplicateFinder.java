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
 * parameters without labels (u from random pairs, m by EM over candidate pairs), score, keep what reaches the
 * threshold. This is the in-memory engine of the batch job and of the evaluation tooling.
 */
public final class DuplicateFinder {
    /** Blocks larger than this are skipped: a key that many records share says nothing. */
    static final int MAX_BLOCK = 100;
    /** Pairs scoring below this are not kept in the result (they are still counted as compared). */
    static final double KEEP = 0.05;
    /** EM learns m from at most this many candidate pairs (a seeded random sample), as Splink trains on samples. */
    static final int EM_SAMPLE = 500_000;
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
        List<int[]> pairIndex = new ArrayList<>(pairs.length);
        for (long code : pairs) {
            pairIndex.add(new int[] {(int) (code >>> 32), (int) code});
        }
        listener.progress("comparing", 0, pairIndex.size());
        List<int[]> vectors = pairIndex.parallelStream().map(pair -> {
            ticker.tick();
            return PairComparator.compare(people.get(pair[0]), people.get(pair[1]));
        }).toList();
        check(listener);
        FellegiSunterModel model = learned;
        if (model == null) {
            listener.progress("learning", 0, vectors.size());
            // EM among candidates uses the candidates' match share; scoring uses the chance that two records picked at
            // random match (as Splink does), since blocking is a filter, not evidence.
            int sure = sureMatches(vectors);
            double candidateShare = vectors.isEmpty() ? 0.5 : Math.max(0.01, Math.min(0.99, (double) sure / vectors.size()));
            double pairsTotal = (double) people.size() * (people.size() - 1) / 2;
            double globalPrior = Math.max(1, sure) / Math.max(1, pairsTotal);
            model = start.estimateU(randomVectors(people, 20_000)).withPrior(candidateShare)
                    .fit(sample(vectors, EM_SAMPLE), 25).withPrior(globalPrior);
            check(listener);
            listener.learned(model);
        }
        listener.progress("scoring", 0, pairIndex.size());
        List<MatchResult> results = new ArrayList<>();
        for (int i = 0; i < pairIndex.size(); i++) {
            ticker.tick();
            int[] levels = vectors.get(i);
            double p = model.probability(levels);
            if (p >= KEEP) {
                NormalizedPerson a = people.get(pairIndex.get(i)[0]);
                NormalizedPerson b = people.get(pairIndex.get(i)[1]);
                results.add(new MatchResult(a.id(), b.id(), p, model.weight(levels), model.explain(levels, a, b)));
            }
        }
        results.sort(Comparator.comparingDouble(MatchResult::probability).reversed());
        return new Run(model, results, pairIndex.size());
    }

    /**
     * Candidate pairs that a deterministic rule which rarely errs calls matches: the same phone or e-mail and a
     * close family name; or, for records without them, the same date of birth, close given and family names and the
     * same address or place. It misses some matches, so priors derived from it are on the cautious side.
     */
    static int sureMatches(List<int[]> vectors) {
        int sure = 0;
        for (int[] v : vectors) {
            boolean contact = v[Field.PHONE.ordinal()] == 0 || v[Field.EMAIL.ordinal()] == 0;
            boolean name = v[Field.FAMILY_NAME.ordinal()] == 0 || v[Field.FAMILY_NAME.ordinal()] == 1;
            // without phones or e-mails (person lists): the same birth date, close names and the same address or place
            boolean given = v[Field.GIVEN_NAME.ordinal()] == 0 || v[Field.GIVEN_NAME.ordinal()] == 1;
            boolean place = v[Field.ADDRESS.ordinal()] == 0 || v[Field.LOCATION.ordinal()] == 0;
            boolean identity = v[Field.DATE_OF_BIRTH.ordinal()] == 0 && name && given && place;
            if (contact && name || identity) {
                sure++;
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
                    return BlockingKeys.of(person).stream().mapToLong(DuplicateFinder::hash40).toArray();
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

    /** 40 bits of a 64-bit FNV-1a hash of the key. */
    private static long hash40(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return h >>> 24;
    }

    static List<int[]> sample(List<int[]> vectors, int max) {
        if (vectors.size() <= max) {
            return vectors;
        }
        Random random = new Random(7);
        List<int[]> sample = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            sample.add(vectors.get(random.nextInt(vectors.size())));
        }
        return sample;
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
