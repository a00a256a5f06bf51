package org.evergreencrm.enrichment.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.evergreencrm.api.enrichment.EnrichmentJob;
import org.evergreencrm.store.jdbc.Jdbc;

/** The re-enrichment jobs ({@code enrichment_job}): state, progress and where a run got to, so a restart resumes. */
final class JobStore {
    private static final String COLUMNS = "id, state, total, done, failed, last_contact, started_by, started_at, finished_at, message";
    private final DataSource ds;

    record Row(EnrichmentJob job, long lastContact) {
    }

    JobStore(DataSource ds) {
        this.ds = ds;
    }

    long create(String startedBy, long total, Instant at) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO enrichment_job (state, total, done, failed, last_contact, "
                    + "started_by, started_at) VALUES ('QUEUED', ?, 0, 0, 0, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, total);
                ps.setString(2, EnrichmentStore.cut(startedBy, 64));
                Jdbc.set(ps, 3, at);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    void progress(long id, String state, long done, long failed, long lastContact, String message, Instant finishedAt) {
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE enrichment_job SET state = ?, done = ?, failed = ?, last_contact = ?, "
                    + "message = ?, finished_at = ? WHERE id = ?")) {
                ps.setString(1, state);
                ps.setLong(2, done);
                ps.setLong(3, failed);
                ps.setLong(4, lastContact);
                ps.setString(5, EnrichmentStore.cut(message, 1000));
                Jdbc.set(ps, 6, finishedAt);
                ps.setLong(7, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    Optional<Row> get(long id) {
        List<Row> rows = query("SELECT " + COLUMNS + " FROM enrichment_job WHERE id = " + id, 1);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    List<Row> all(int max) {
        return query("SELECT " + COLUMNS + " FROM enrichment_job ORDER BY id DESC", max);
    }

    /** A job queued or running (one at a time). */
    Optional<Row> active() {
        List<Row> rows = query("SELECT " + COLUMNS + " FROM enrichment_job WHERE state IN ('QUEUED', 'RUNNING') ORDER BY id", 1);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private List<Row> query(String sql, int max) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setMaxRows(max);
                List<Row> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Row(new EnrichmentJob(rs.getLong("id"), rs.getString("state"), rs.getLong("total"), rs.getLong("done"),
                                rs.getLong("failed"), rs.getString("started_by"), Jdbc.instant(rs, "started_at"),
                                Jdbc.instant(rs, "finished_at"), rs.getString("message")), rs.getLong("last_contact")));
                    }
                }
                return out;
            }
        });
    }
}
