package org.evergreencrm.scoring.internal.jobs;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.evergreencrm.api.scoring.TrainingJob;
import org.evergreencrm.store.jdbc.Jdbc;

/**
 * The {@code scoring_job} table: training runs with their progress, and the uploaded CSV and mapping until the run is
 * over (then only the CSV's name and SHA-256 stay, as the model's provenance).
 */
final class TrainingJobStore {
    private static final String COLUMNS = "id, name, state, step, percent, message, model_id, started_by, started_at, finished_at";
    private final DataSource ds;

    /** What a run needs: the job, the CSV's name and digest, the uploaded files (null once the run is over). */
    record Input(TrainingJob job, String csvName, String sha256, String csv, String mapping) {
    }

    TrainingJobStore(DataSource ds) {
        this.ds = ds;
    }

    long create(String name, String startedBy, Instant at, String csvName, String sha256, String csv, String mapping) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO scoring_job (name, state, step, percent, started_by, started_at, "
                    + "csv_name, csv_sha256, csv_data, mapping_data) VALUES (?, 'QUEUED', 'waiting for the scheduler', 0, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, cut(name, 100));
                ps.setString(2, cut(startedBy, 64));
                Jdbc.set(ps, 3, at);
                ps.setString(4, cut(csvName, 200));
                ps.setString(5, sha256);
                ps.setString(6, csv);
                ps.setString(7, mapping);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    void progress(long id, String state, String step, int percent) {
        update(id, "UPDATE scoring_job SET state = ?, step = ?, percent = ? WHERE id = ?", state, cut(step, 200), percent);
    }

    /** The run is over: its outcome is kept, the uploaded files are let go. */
    void finish(long id, String state, String step, int percent, String message, Long modelId, Instant at) {
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE scoring_job SET state = ?, step = ?, percent = ?, message = ?, model_id = ?, "
                    + "finished_at = ?, csv_data = NULL, mapping_data = NULL WHERE id = ?")) {
                ps.setString(1, state);
                ps.setString(2, cut(step, 200));
                ps.setInt(3, percent);
                ps.setString(4, cut(message, 2000));
                if (modelId == null) {
                    ps.setNull(5, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(5, modelId);
                }
                Jdbc.set(ps, 6, at);
                ps.setLong(7, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    Optional<Input> input(long id) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", csv_name, csv_sha256, csv_data, mapping_data "
                    + "FROM scoring_job WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Input(job(rs), rs.getString("csv_name"), rs.getString("csv_sha256"),
                            rs.getString("csv_data"), rs.getString("mapping_data"))) : Optional.<Input>empty();
                }
            }
        });
    }

    Optional<TrainingJob> get(long id) {
        List<TrainingJob> rows = query("SELECT " + COLUMNS + " FROM scoring_job WHERE id = " + id, 1);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    List<TrainingJob> all(int max) {
        return query("SELECT " + COLUMNS + " FROM scoring_job ORDER BY id DESC", max);
    }

    private void update(long id, String sql, String state, String step, int percent) {
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, state);
                ps.setString(2, step);
                ps.setInt(3, percent);
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private List<TrainingJob> query(String sql, int max) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setMaxRows(max);
                List<TrainingJob> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(job(rs));
                    }
                }
                return out;
            }
        });
    }

    private static TrainingJob job(ResultSet rs) throws java.sql.SQLException {
        long model = rs.getLong("model_id");
        Long modelId = rs.wasNull() ? null : model;
        return new TrainingJob(rs.getLong("id"), rs.getString("name"), rs.getString("state"), rs.getString("step"), rs.getInt("percent"),
                rs.getString("message"), modelId, rs.getString("started_by"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"));
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
