package org.evergreencrm.bench;

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
import org.evergreencrm.api.lead.Lead;
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
 * End-to-end lead intake on PostgreSQL inside the distribution: N leads through {@code LeadIntake.submit} (the
 * whole pipeline: idempotency check, mapping, duplicate check, round-robin assignment, contact and lead rows,
 * event) with 8 threads, against a raw JDBC batch insert of the same rows into a lead-shaped table in the same run;
 * and the latency from receipt to assignment. Run with -Pbenchmark -Devergreen.test.pg.url=... (docs/benchmarks.md).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresLeadIntakeBenchmark extends ContactBenchmarkSupport {
    static final int LEADS = Integer.getInteger("evergreen.bench.leads", 5_000);

    @Configuration
    public Option[] config() throws Exception {
        List<Option> options = benchmarkOptions();
        options.addAll(postgresOptions());
        options.add(org.ops4j.pax.exam.CoreOptions.systemProperty("evergreen.bench.leads").value(Integer.toString(LEADS)));
        return options.toArray(new Option[0]);
    }

    private static Map<String, String> fields(int i) {
        return Map.of("first_name", "Lee" + i, "last_name", "Intake" + i, "phone", String.format(Locale.ROOT, "(407) %03d-%04d", 200 + i / 10_000, i % 10_000),
                "email", "lead" + i + "@example.com", "zip", "32801");
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
        for (int i = 0; i < 200; i++) { // warm-up, other source
            intake.submit(new IncomingLead("bench-warmup", "w" + i, fields(1_000_000 + i), "{}", Instant.now()));
        }
        long rawStart = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_raw_lead (id BIGSERIAL PRIMARY KEY, source VARCHAR(100), source_lead_id VARCHAR(200), "
                        + "raw_payload VARCHAR(32000), first_name VARCHAR(100), last_name VARCHAR(100), phone VARCHAR(40), "
                        + "email VARCHAR(254), zip VARCHAR(20), received_at TIMESTAMP WITH TIME ZONE, UNIQUE (source, source_lead_id))");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_raw_lead (source, source_lead_id, raw_payload, first_name, "
                    + "last_name, phone, email, zip, received_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < LEADS; i++) {
                    Map<String, String> f = fields(i);
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
        }
        double rawSeconds = (System.nanoTime() - rawStart) / 1e9;

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Lead> stored = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = thread; i < LEADS; i += 8) {
                    stored.add(intake.submit(new IncomingLead("bench", "b" + i, fields(i), fields(i).toString(), Instant.now())));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Long> latency = new ArrayList<>();
        for (Lead l : stored) {
            if (l.assignedAt() != null) {
                latency.add(Duration.between(l.receivedAt(), l.assignedAt()).toNanos());
            }
        }
        Collections.sort(latency);
        long count;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM lead WHERE source = 'bench'")) {
            rs.next();
            count = rs.getLong(1);
        }
        String report = String.format(Locale.ROOT, "| leads | raw JDBC batch rows/s | intake leads/s (8 threads) | ratio | receipt→assignment p50 ms | p99 ms | stored |%n"
                + "|---:|---:|---:|---:|---:|---:|---:|%n| %,d | %,.0f | %,.0f | %.3f | %.1f | %.1f | %,d |%n", LEADS, LEADS / rawSeconds, LEADS / seconds,
                (LEADS / seconds) / (LEADS / rawSeconds), pct(latency, 0.5), pct(latency, 0.99), count);
        System.out.println("[evergreen] lead intake on PostgreSQL:\n" + report);
        ContactBenchmarkRun.write("lead-intake-postgresql", report);
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
