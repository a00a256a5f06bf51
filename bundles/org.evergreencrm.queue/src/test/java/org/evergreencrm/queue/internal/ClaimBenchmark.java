package org.evergreencrm.queue.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.evergreencrm.api.queue.Bucket;
import org.evergreencrm.api.queue.BucketDraft;
import org.evergreencrm.api.queue.QueueOrder;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.compliance.internal.ComplianceServiceImpl;
import org.evergreencrm.store.internal.TestDatabases;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Claims per second and latency with many concurrent claimers on PostgreSQL: Evergreen's claim (SKIP LOCKED,
 * compliance re-check with DNC/consent lookups, decision log, attempt and history rows, one commit) against a raw
 * {@code FOR UPDATE SKIP LOCKED} claim loop over the same rows, in the same run, alternating.
 * <pre>./mvnw -o -Pbenchmark -pl bundles/org.evergreencrm.queue test -Dtest=ClaimBenchmark \
 *   -Devergreen.test.pg.url=jdbc:postgresql://127.0.0.1:5432/test?user=postgres</pre>
 * Sizes: {@code -Devergreen.bench.contacts=1000000 -Devergreen.bench.threads=100 -Devergreen.bench.seconds=20}; offered
 * rates of the open-loop runs: {@code -Devergreen.bench.paced=100,250,500}.
 */
class ClaimBenchmark {
    private static final int CONTACTS = Integer.getInteger("evergreen.bench.contacts", 1_000_000);
    private static final int THREADS = Integer.getInteger("evergreen.bench.threads", 100);
    private static final int SECONDS = Integer.getInteger("evergreen.bench.seconds", 20);
    private static final int POOL = Integer.getInteger("evergreen.bench.pool", 90);

    record Result(String name, long claims, double seconds, long[] nanos) {
        double perSecond() {
            return claims / seconds;
        }

        double percentileMs(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
        }

        @Override
        public String toString() {
            return String.format("%-10s %8d claims in %5.1f s = %8.0f claims/s, p50 %6.2f ms, p99 %6.2f ms", name, claims, seconds,
                    perSecond(), percentileMs(0.50), percentileMs(0.99));
        }
    }

    interface ClaimOnce {
        boolean claim(int thread) throws Exception;
    }

    @Test
    void claimsPerSecondAgainstARawSkipLockedLoop() throws Exception {
        String url = TestDatabases.postgresUrl();
        assumeTrue(url != null, "the claim benchmark runs on PostgreSQL: set evergreen.test.pg.url");
        TestDatabases.Db db = TestDatabases.postgres(url);
        try (HikariDataSource ds = ClaimWorker.pooled(db.dataSource(), POOL)) {
            TestDatabases.migrated(ds);
            Map<String, Object> rules = new HashMap<>(QueueFixture.RULES);
            rules.put("federal.window", "00:00-23:59:59"); // the benchmark must not depend on the hour it runs at
            ComplianceServiceImpl compliance = new ComplianceServiceImpl(ds, null, rules);
            CallQueueImpl queue = new CallQueueImpl(ds, compliance, new TestContacts(ds),
                    new Claimer.Settings(Duration.ofMinutes(10), 1, 20, Duration.ofHours(24)), BucketMix.Mode.EVEN,
                    Clock.systemUTC());
            Bucket bucket = queue.createBucket(Actor.system(), new BucketDraft("bench", 1, QueueOrder.SCORE, 100, 1000, null, null, null, null));
            long t0 = System.nanoTime();
            load(ds, bucket.id());
            System.out.printf("[bench] loaded %,d queued contacts (with a registry DNC list of %,d numbers) in %.1f s%n", CONTACTS,
                    CONTACTS / 100, (System.nanoTime() - t0) / 1e9);

            Actor[] reps = new Actor[THREADS];
            for (int i = 0; i < THREADS; i++) {
                reps[i] = new Actor(1000L + i, "rep" + i, Role.REP, null);
            }
            ClaimOnce ours = t -> queue.next(reps[t]).isPresent();
            ClaimOnce raw = t -> rawClaim(ds, bucket.id(), 1000L + t);
            List<Result> results = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                results.add(run("raw", raw));
                reset(ds);
                results.add(run("evergreen", ours));
                reset(ds);
            }
            results.forEach(r -> System.out.println("[bench] " + r));
            // open loop: the same claimers at a given offered rate (each claims on its own schedule, latency counted
            // from the scheduled moment, so a claim that starts late because the one before was slow counts its wait)
            for (int rate : PACED_RATES) {
                for (int round = 0; round < 2; round++) { // alternating, as above: background work after a reset hits both
                    Result rawPaced = paced("raw@" + rate, raw, rate);
                    reset(ds);
                    Result ourPaced = paced("evergreen@" + rate, ours, rate);
                    reset(ds);
                    System.out.println("[bench] " + rawPaced);
                    System.out.println("[bench] " + ourPaced);
                }
            }
            double rawRate = results.stream().filter(r -> r.name().equals("raw")).mapToDouble(Result::perSecond).average().orElseThrow();
            double ourRate = results.stream().filter(r -> r.name().equals("evergreen")).mapToDouble(Result::perSecond).average().orElseThrow();
            Result lastOurs = results.get(results.size() - 1);
            System.out.printf("[bench] %d claimers, %,d queued: evergreen %.0f claims/s vs raw %.0f claims/s = ratio %.2f; evergreen p99 %.2f ms%n",
                    THREADS, CONTACTS, ourRate, rawRate, ourRate / rawRate, lastOurs.percentileMs(0.99));
        }
    }

    /** Offered rates (claims/s over all claimers) of the open-loop runs. */
    private static final int[] PACED_RATES = Arrays.stream(System.getProperty("evergreen.bench.paced", "100,250,500").split(","))
            .map(String::trim).filter(x -> !x.isEmpty()).mapToInt(Integer::parseInt).toArray();

    /**
     * {@value #THREADS}-ish claimers claiming on a schedule: claimer t claims at start + (t + k × THREADS) / rate seconds,
     * k = 0, 1, 2…, for {@code SECONDS} seconds. The latency of a claim runs from its scheduled moment to its answer.
     */
    private static Result paced(String name, ClaimOnce claim, int rate) throws InterruptedException {
        Map<Integer, long[]> samples = new ConcurrentHashMap<>();
        long[] counts = new long[THREADS];
        List<Throwable> errors = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long begin = System.nanoTime() + 200_000_000L;
        long end = begin + SECONDS * 1_000_000_000L;
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                long[] nanos = new long[(int) Math.min(200_000, SECONDS * (long) rate / THREADS + 10)];
                int n = 0;
                try {
                    for (long k = 0;; k++) {
                        long due = begin + (long) ((id + k * THREADS) * 1e9 / rate);
                        if (due >= end) {
                            break;
                        }
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        if (!claim.claim(id)) {
                            break;
                        }
                        if (n < nanos.length) {
                            nanos[n] = System.nanoTime() - due;
                        }
                        n++;
                    }
                } catch (Exception e) {
                    synchronized (errors) {
                        errors.add(e);
                    }
                }
                counts[id] = n;
                samples.put(id, Arrays.copyOf(nanos, Math.min(n, nanos.length)));
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(List.of(), errors);
        long total = Arrays.stream(counts).sum();
        return new Result(name, total, (end - begin) / 1e9, samples.values().stream().flatMapToLong(Arrays::stream).toArray());
    }

    private static Result run(String name, ClaimOnce claim) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Map<Integer, long[]> samples = new ConcurrentHashMap<>();
        long[] counts = new long[THREADS];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                long[] nanos = new long[200_000];
                int n = 0;
                try {
                    start.await();
                    while (!stop.get()) {
                        long s = System.nanoTime();
                        boolean got = claim.claim(id);
                        long took = System.nanoTime() - s;
                        if (!got) {
                            break;
                        }
                        if (n < nanos.length) {
                            nanos[n] = took;
                        }
                        n++;
                    }
                } catch (Exception e) {
                    synchronized (errors) {
                        errors.add(e);
                    }
                }
                counts[id] = n;
                samples.put(id, Arrays.copyOf(nanos, Math.min(n, nanos.length)));
            });
            threads.add(th);
            th.start();
        }
        long begin = System.nanoTime();
        start.countDown();
        Thread.sleep(SECONDS * 1000L);
        stop.set(true);
        for (Thread th : threads) {
            th.join();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        assertEquals(List.of(), errors);
        long total = Arrays.stream(counts).sum();
        long[] all = samples.values().stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(name, total, seconds, all);
    }

    /** The baseline: lock the best due row with SKIP LOCKED, mark it claimed, commit. */
    private static boolean rawClaim(DataSource ds, long bucketId, long userId) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            Instant now = Instant.now();
            long id;
            try (PreparedStatement ps = c.prepareStatement("SELECT contact_id FROM queue_entry WHERE bucket_id = ? AND status = 'QUEUED' "
                    + "AND due_at <= ? ORDER BY sort_key, due_at, contact_id FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED")) {
                ps.setLong(1, bucketId);
                ps.setObject(2, now.atOffset(java.time.ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        c.rollback();
                        return false;
                    }
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE queue_entry SET status = 'CLAIMED', claimed_by = ?, lease_until = ?, "
                    + "attempts_total = attempts_total + 1, version = version + 1 WHERE contact_id = ?")) {
                ps.setLong(1, userId);
                ps.setObject(2, now.plusSeconds(600).atOffset(java.time.ZoneOffset.UTC));
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            c.commit();
            return true;
        }
    }

    /** 1M contacts in NY with valid numbers, all queued and due; 1% of the numbers on the registry DNC list. */
    private static void load(DataSource ds, long bucketId) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO contact (id, kind, first_name, last_name, addr_state, addr_postal_code, status, search_text, "
                    + "created_at, updated_at, version) SELECT g + 1000000, 'PERSON', 'First' || g, 'Last' || g, 'NY', '10001', 'NEW', "
                    + "'first' || g, now(), now(), 0 FROM generate_series(1, " + CONTACTS + ") g");
            s.execute("INSERT INTO queue_entry (contact_id, bucket_id, status, phone, state_code, postal_code, priority, sort_key, "
                    + "due_at, entered_at, bucket_entered_at, attempts_total, attempts_in_bucket, version) SELECT g + 1000000, "
                    + bucketId + ", 'QUEUED', '+1212' || (2000000 + g), 'NY', '10001', r, -r, now() - interval '1 minute', now(), now(), "
                    + "0, 0, 0 FROM (SELECT g, random() AS r FROM generate_series(1, " + CONTACTS + ") g) x");
            s.execute("INSERT INTO dnc_number (phone, list_code) SELECT 2122000000 + g * 100, 'US' FROM generate_series(1, "
                    + (CONTACTS / 100) + ") g");
            s.execute("ANALYZE");
        }
    }

    /** Puts every claimed row back and clears what the runs wrote, so each run starts from the same state. */
    private static void reset(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE queue_entry SET status = 'QUEUED', claimed_by = NULL, claim_attempt = NULL, lease_until = NULL, "
                    + "attempts_total = 0, attempts_in_bucket = 0, blocked_code = NULL, blocked_reason = NULL, "
                    + "due_at = now() - interval '1 minute' WHERE status <> 'QUEUED' OR blocked_code IS NOT NULL");
            s.execute("DELETE FROM call_attempt");
            s.execute("DELETE FROM queue_history");
            s.execute("DELETE FROM compliance_decision");
            s.execute("VACUUM ANALYZE queue_entry");
        }
    }
}
