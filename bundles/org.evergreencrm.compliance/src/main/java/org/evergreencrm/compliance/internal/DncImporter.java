package org.evergreencrm.compliance.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.evergreencrm.api.compliance.DncImport;
import org.evergreencrm.store.jdbc.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a registry file into {@code dnc_number}: one line at a time, committed every {@value #BATCH} numbers, so
 * a file of any size runs in constant memory and an interrupted import can simply be run again (numbers already
 * there are skipped). Progress is readable while it runs; one import runs at a time, the others wait their turn.
 */
final class DncImporter {
    private static final Logger LOG = LoggerFactory.getLogger(DncImporter.class);
    static final int BATCH = 10_000;
    private static final int MAX_ERRORS_KEPT = 20;

    private final class Job {
        final long id;
        final String list;
        final String startedBy;
        final Instant startedAt;
        final AtomicLong read = new AtomicLong();
        final AtomicLong added = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final List<String> errors = Collections.synchronizedList(new ArrayList<>());
        volatile String state = DncImport.RUNNING;
        volatile Instant finishedAt;
        volatile boolean cancel;

        Job(long id, String list, String startedBy, Instant startedAt) {
            this.id = id;
            this.list = list;
            this.startedBy = startedBy;
            this.startedAt = startedAt;
        }

        DncImport snapshot() {
            return new DncImport(id, list, state, read.get(), added.get(), rejected.get(), List.copyOf(errors), startedAt,
                    finishedAt, startedBy);
        }
    }

    private final DataSource ds;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "evergreen-dnc-import");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    DncImporter(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
    }

    DncImport start(String list, String description, InputStream numbers, String actor) {
        Job job = new Job(ids.incrementAndGet(), list, actor, clock.instant());
        jobs.put(job.id, job);
        executor.submit(() -> run(job, description, numbers));
        return job.snapshot();
    }

    Optional<DncImport> status(long id) {
        return Optional.ofNullable(jobs.get(id)).map(Job::snapshot);
    }

    List<DncImport> all() {
        return jobs.values().stream().map(Job::snapshot).sorted(Comparator.comparingLong(DncImport::id).reversed()).toList();
    }

    Optional<DncImport> cancel(long id) {
        Job job = jobs.get(id);
        if (job != null) {
            job.cancel = true;
        }
        return Optional.ofNullable(job).map(Job::snapshot);
    }

    void close() {
        jobs.values().forEach(j -> j.cancel = true);
        executor.shutdownNow();
    }

    private void run(Job job, String description, InputStream numbers) {
        try (InputStream in = numbers; Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            ensureList(c, job.list, description);
            c.commit();
            String sql = Jdbc.isPostgres(c)
                    ? "INSERT INTO dnc_number (phone, list_code, registered_on) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
                    : "INSERT INTO dnc_number (phone, list_code, registered_on) SELECT ?, ?, ? FROM (VALUES (1)) v "
                            + "WHERE NOT EXISTS (SELECT 1 FROM dnc_number WHERE phone = ? AND list_code = ?)";
            boolean h2 = !Jdbc.isPostgres(c);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII), 1 << 16);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int pending = 0;
                String line;
                while ((line = reader.readLine()) != null) {
                    if (job.cancel) {
                        job.state = DncImport.CANCELLED;
                        break;
                    }
                    long n = job.read.incrementAndGet();
                    if (line.isBlank() || n == 1 && !Character.isDigit(line.trim().charAt(0))) {
                        continue; // blank line or a header
                    }
                    String[] fields = line.split("[,\t;|]");
                    long phone = PhoneFacts.registryNumber(fields[0].replaceAll("[\\s()\\-.]", ""));
                    LocalDate registered = fields.length > 1 ? date(fields[1].trim()) : null;
                    if (phone < 0) {
                        job.rejected.incrementAndGet();
                        if (job.errors.size() < MAX_ERRORS_KEPT) {
                            job.errors.add("line " + n + ": not a 10-digit US number: " + abbreviate(line));
                        }
                        continue;
                    }
                    ps.setLong(1, phone);
                    ps.setString(2, job.list);
                    ps.setObject(3, registered);
                    if (h2) {
                        ps.setLong(4, phone);
                        ps.setString(5, job.list);
                    }
                    ps.addBatch();
                    if (++pending == BATCH) {
                        flush(c, ps, job);
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    flush(c, ps, job);
                }
            }
            if (DncImport.RUNNING.equals(job.state)) {
                job.state = DncImport.DONE;
            }
            job.finishedAt = clock.instant();
            finishList(c, job);
            c.commit();
            LOG.info("DNC import {} into {}: {} read, {} added, {} rejected ({})", job.id, job.list, job.read, job.added,
                    job.rejected, job.state);
        } catch (IOException | SQLException | RuntimeException e) {
            job.state = DncImport.FAILED;
            job.finishedAt = clock.instant();
            job.errors.add("import stopped: " + e.getMessage());
            LOG.warn("DNC import {} into {} failed after {} lines: {}", job.id, job.list, job.read, e.getMessage());
        }
    }

    private static void flush(Connection c, PreparedStatement ps, Job job) throws SQLException {
        int added = 0;
        for (int r : ps.executeBatch()) {
            added += Math.max(r, 0);
        }
        c.commit();
        job.added.addAndGet(added);
        try (PreparedStatement u = c.prepareStatement("UPDATE dnc_list SET numbers = numbers + ? WHERE code = ?")) {
            u.setLong(1, added);
            u.setString(2, job.list);
            u.executeUpdate();
        }
        c.commit();
    }

    private static void ensureList(Connection c, String list, String description) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dnc_list (code, description, numbers) SELECT ?, ?, 0 "
                + "FROM (VALUES (1)) v WHERE NOT EXISTS (SELECT 1 FROM dnc_list WHERE code = ?)")) {
            ps.setString(1, list);
            ps.setString(2, description);
            ps.setString(3, list);
            ps.executeUpdate();
        }
    }

    private static void finishList(Connection c, Job job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE dnc_list SET imported_at = ?, imported_by = ? WHERE code = ?")) {
            Jdbc.set(ps, 1, job.finishedAt);
            ps.setString(2, job.startedBy);
            ps.setString(3, job.list);
            ps.executeUpdate();
        }
    }

    private static LocalDate date(String s) {
        try {
            return s.isEmpty() ? null : LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String abbreviate(String line) {
        return line.length() > 40 ? line.substring(0, 40) + "…" : line;
    }
}
