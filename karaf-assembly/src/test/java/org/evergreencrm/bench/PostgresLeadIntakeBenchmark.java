package org.evergreencrm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.evergreencrm.api.lead.IncomingLead;
import org.evergreencrm.api.lead.IntakeResult;
import org.evergreencrm.api.lead.LeadImport;
import org.evergreencrm.api.lead.LeadIntake;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.util.tracker.ServiceTracker;

/**
 * End-to-end lead intake on PostgreSQL inside the distribution, against two raw JDBC batch inserts measured in the same
 * run: (A) one lead-shaped row per lead (before and after, so drift shows) and (B) the very rows the intake wrote,
 * copied into the same tables ({@link RawLeadRows}). The paths:
 * <ol>
 * <li>a CSV file of N leads dropped in the drop folder, timed from the drop until the import is DONE (the whole
 * pipeline in chunks of {@code batchSize}: CSV parsing, idempotency, mapping, validation, batch duplicate check,
 * routing, contacts and leads in one transaction per chunk, events);</li>
 * <li>the same through {@code LeadIntake.submitAll} in chunks of 500 (no file, no CSV);</li>
 * <li>leads one at a time through {@code LeadIntake.submit} on 8 and on 32 threads (webhooks, forms).</li>
 * </ol>
 * Latency: each lead's {@code assigned_at − received_at}. Run with -Pbenchmark -Devergreen.test.pg.url=... (docs/benchmarks.md).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresLeadIntakeBenchmark extends ContactBenchmarkSupport {
    static final int LEADS = Integer.getInteger("evergreen.bench.leads", 20_000);
    static final int SINGLE = Integer.getInteger("evergreen.bench.single", 3_000);

    @Configuration
    public Option[] config() throws Exception {
        List<Option> options = benchmarkOptions();
        options.addAll(postgresOptions());
        options.add(org.ops4j.pax.exam.CoreOptions.systemProperty("evergreen.bench.leads").value(Integer.toString(LEADS)));
        options.add(org.ops4j.pax.exam.CoreOptions.systemProperty("evergreen.bench.single").value(Integer.toString(SINGLE)));
        String jfr = System.getProperty("evergreen.bench.jfr"); // a JFR recording of the container, to see where the time goes
        if (jfr != null && !jfr.isBlank()) {
            options.add(org.ops4j.pax.exam.CoreOptions.vmOption("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile"));
        }
        return options.toArray(new Option[0]);
    }

    /** Orlando-area codes, one per run, so every run's phone numbers are real-looking and distinct. */
    private static final int[] AREA = {407, 321, 689, 386, 352, 813, 727, 941, 863, 239};

    /** Lead i of run {@code run}: distinct people (no duplicates among them), three ZIPs of Orlando. */
    private static Map<String, String> fields(int run, int i) {
        return Map.of("first_name", "Lee" + i, "last_name", "Intake" + run + "x" + i,
                "phone", String.format(Locale.ROOT, "(%d) %03d-%04d", AREA[run], 200 + i / 10_000, i % 10_000),
                "email", "lead" + run + "x" + i + "@example.com", "zip", "3280" + (i % 3), "state", "FL");
    }

    @Test
    public void intakeAgainstRawBatchInsert() throws Exception {
        awaitAllBundlesActive();
        DataSource ds = service(DataSource.class, "(osgi.jndi.service.name=evergreen)");
        LeadIntake intake = service(LeadIntake.class, null);
        org.evergreencrm.api.security.UserService users = service(org.evergreencrm.api.security.UserService.class, null);
        for (int r = 0; r < 3; r++) { // reps to assign to
            users.createUser(org.evergreencrm.api.security.Actor.system(), new org.evergreencrm.api.security.UserDraft("benchrep" + r,
                    "Bench Rep " + r, null, org.evergreencrm.api.security.Role.REP, null, true, "bench-password-" + r));
        }
        List<IncomingLead> warm = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) { // warm-up: JIT and caches, another source
            warm.add(new IncomingLead("bench-warmup", "w" + i, fields(9, i), "{}", Instant.now()));
        }
        for (int from = 0; from < warm.size(); from += 500) {
            intake.submitAll(warm.subList(from, from + 500));
        }
        raw(ds, "bench_raw_warmup");
        double raw1 = raw(ds, "bench_raw_a");

        // 1. a dropped file, end to end
        Path drop = Path.of(System.getProperty("karaf.data"), "lead-drop");
        Files.createDirectories(drop);
        StringBuilder csv = new StringBuilder("id,first_name,last_name,phone,email,zip,state\n");
        for (int i = 0; i < LEADS; i++) {
            Map<String, String> f = fields(1, i);
            csv.append("f").append(i).append(',').append(f.get("first_name")).append(',').append(f.get("last_name")).append(",\"")
                    .append(f.get("phone")).append("\",").append(f.get("email")).append(',').append(f.get("zip")).append(",FL\n");
        }
        Path staged = drop.resolveSibling("bench-leads.csv");
        Files.writeString(staged, csv);
        long fileStart = System.nanoTime();
        Files.move(staged, drop.resolve("bench-leads.csv"));
        LeadImport done = null;
        while (done == null) {
            Thread.sleep(20);
            done = intake.imports().stream().filter(i -> i.name().equals("bench-leads.csv") && !"RUNNING".equals(i.status()))
                    .findFirst().orElse(null);
            if (System.nanoTime() - fileStart > 600e9) {
                throw new AssertionError("the file was not taken in within 10 minutes: " + intake.imports());
            }
        }
        double fileSeconds = (System.nanoTime() - fileStart) / 1e9;
        if (done.stored() != LEADS) {
            throw new AssertionError("file import: " + done);
        }

        // 2. submitAll in chunks of 500
        List<IncomingLead> batch = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            batch.add(new IncomingLead("bench-batch", "b" + i, fields(2, i), fields(2, i).toString(), Instant.now()));
        }
        long batchStart = System.nanoTime();
        for (int from = 0; from < LEADS; from += 500) {
            for (IntakeResult r : intake.submitAll(batch.subList(from, Math.min(LEADS, from + 500)))) {
                if (!r.stored()) {
                    throw new AssertionError("not stored: " + r.deadLetter());
                }
            }
        }
        double batchSeconds = (System.nanoTime() - batchStart) / 1e9;

        // 3. one at a time, from 8 and from 32 threads (concurrent submissions go in together: Coalescer)
        double single8 = singles(intake, 8, "bench-single");
        double single32 = singles(intake, 32, "bench-single-32");
        double raw2 = raw(ds, "bench_raw_b");
        double rawRate = LEADS / ((raw1 + raw2) / 2);
        // the second baseline: the rows the intake wrote for the submitAll run, copied by plain JDBC batches
        double copySeconds = RawLeadRows.copy(ds, "bench-batch", "bench-raw-copy");
        double copyRate = LEADS / copySeconds;

        String report = String.format(Locale.ROOT, "Baselines in the same run: (A) a raw JDBC batch insert of one lead-shaped row per lead: "
                + "%,.0f rows/s before, %,.0f after (mean %,.0f); (B) a raw JDBC batch insert of the rows the intake wrote for its "
                + "%,d leads (contact, phone, e-mail, tag, match keys, lead: same tables, indexes and foreign keys): %,.0f leads/s.%n%n"
                + "| path | leads | leads/s | ratio to (A) | ratio to (B) | receipt→assignment p50 ms | p99 ms |%n"
                + "|---|---:|---:|---:|---:|---:|---:|%n%s%n%s%n%s%n%s%n", LEADS / raw1, LEADS / raw2, rawRate, LEADS, copyRate,
                row("dropped CSV file, end to end", ds, "file-drop", LEADS, fileSeconds, rawRate, copyRate),
                row("`submitAll`, chunks of 500", ds, "bench-batch", LEADS, batchSeconds, rawRate, copyRate),
                row("`submit` one at a time, 8 threads", ds, "bench-single", SINGLE, single8, rawRate, copyRate),
                row("`submit` one at a time, 32 threads", ds, "bench-single-32", SINGLE, single32, rawRate, copyRate));
        System.out.println("[evergreen] lead intake on PostgreSQL:\n" + report);
        ContactBenchmarkRun.write("lead-intake-postgresql", report);
    }

    /** Seconds for {@code SINGLE} leads submitted one at a time from {@code threads} threads. */
    private static double singles(LeadIntake intake, int threads, String source) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        int run = threads == 8 ? 3 : 4;
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = thread; i < SINGLE; i += threads) {
                    intake.submit(new IncomingLead(source, "s" + i, fields(run, i), fields(run, i).toString(), Instant.now()));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return (System.nanoTime() - start) / 1e9;
    }

    private static String row(String path, DataSource ds, String source, int n, double seconds, double rawRate, double copyRate)
            throws Exception {
        List<Long> latency = new ArrayList<>();
        long count = 0;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT received_at, assigned_at FROM lead WHERE source = ?")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    count++;
                    java.time.OffsetDateTime a = rs.getObject(2, java.time.OffsetDateTime.class);
                    if (a != null) {
                        latency.add(Duration.between(rs.getObject(1, java.time.OffsetDateTime.class), a).toNanos());
                    }
                }
            }
        }
        if (count != n) {
            throw new AssertionError(source + ": " + count + " leads stored, not " + n);
        }
        Collections.sort(latency);
        return String.format(Locale.ROOT, "| %s | %,d | %,.0f | %.3f | **%.3f** | %.1f | %.1f |", path, n, n / seconds, (n / seconds) / rawRate,
                (n / seconds) / copyRate, pct(latency, 0.5), pct(latency, 0.99));
    }

    /** Seconds for a raw JDBC batch insert of the leads' rows into a lead-shaped table (batches of 1,000, one commit). */
    private static double raw(DataSource ds, String table) throws Exception {
        long rawStart = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + table + " (id BIGSERIAL PRIMARY KEY, source VARCHAR(100), source_lead_id VARCHAR(200), "
                        + "raw_payload VARCHAR(32000), first_name VARCHAR(100), last_name VARCHAR(100), phone VARCHAR(40), "
                        + "email VARCHAR(254), zip VARCHAR(20), received_at TIMESTAMP WITH TIME ZONE, UNIQUE (source, source_lead_id))");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (source, source_lead_id, raw_payload, first_name, "
                    + "last_name, phone, email, zip, received_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < LEADS; i++) {
                    Map<String, String> f = fields(1, i);
                    ps.setString(1, "bench");
                    ps.setString(2, "r" + i);
                    ps.setString(3, f.toString());
                    ps.setString(4, f.get("first_name"));
                    ps.setString(5, f.get("last_name"));
                    ps.setString(6, f.get("phone"));
                    ps.setString(7, f.get("email"));
                    ps.setString(8, f.get("zip"));
                    ps.setObject(9, java.time.OffsetDateTime.now());
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
        }
        return (System.nanoTime() - rawStart) / 1e9;
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    private <T> T service(Class<T> type, String filter) throws Exception {
        ServiceTracker<T, T> tracker = filter == null ? new ServiceTracker<>(context, type, null)
                : new ServiceTracker<>(context, context.createFilter("(&(objectClass=" + type.getName() + ")" + filter + ")"), null);
        tracker.open();
        return tracker.waitForService(30_000);
    }
}
