package org.evergreencrm.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.evergreencrm.api.dedup.DedupJobs;
import org.evergreencrm.api.store.DedupJobRow;
import org.evergreencrm.store.jdbc.Jdbc;

/** {@code dedup_job}: the batch duplicate search's runs, their progress, heartbeat and checkpoint. */
final class DedupJobTable {
    private final DataSource ds;

    DedupJobTable(DataSource ds) {
        this.ds = ds;
    }

    long create(DedupJobs.Status s, String startedBy, String node, Instant now) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dedup_job (state, phase, done, total, pairs, clusters, "
                    + "queued, message, started_by, started_at, node, heartbeat_at, resumes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0)",
                    new String[] {"id"})) {
                ps.setString(1, s.state());
                ps.setString(2, s.phase());
                ps.setLong(3, s.done());
                ps.setLong(4, s.total());
                ps.setInt(5, s.pairs());
                ps.setInt(6, s.clusters());
                ps.setInt(7, s.queued());
                ps.setString(8, cut(s.message()));
                ps.setString(9, startedBy);
                Jdbc.set(ps, 10, s.startedAt() == null ? now : s.startedAt());
                ps.setString(11, node);
                Jdbc.set(ps, 12, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    void save(long id, DedupJobs.Status s, Instant heartbeat) {
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE dedup_job SET state = ?, phase = ?, done = ?, total = ?, "
                    + "pairs = ?, clusters = ?, queued = ?, message = ?, finished_at = ?, heartbeat_at = ? WHERE id = ?")) {
                ps.setString(1, s.state());
                ps.setString(2, s.phase());
                ps.setLong(3, s.done());
                ps.setLong(4, s.total());
                ps.setInt(5, s.pairs());
                ps.setInt(6, s.clusters());
                ps.setInt(7, s.queued());
                ps.setString(8, cut(s.message()));
                Jdbc.set(ps, 9, s.finishedAt());
                Jdbc.set(ps, 10, heartbeat);
                ps.setLong(11, id);
                return ps.executeUpdate();
            }
        });
    }

    void saveModel(long id, String model) {
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE dedup_job SET model = ? WHERE id = ?")) {
                ps.setString(1, model);
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        });
    }

    Optional<DedupJobRow> last() {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM dedup_job ORDER BY id DESC FETCH FIRST 1 ROWS ONLY");
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<DedupJobRow>empty();
                }
                DedupJobs.Status s = new DedupJobs.Status(rs.getString("state"), rs.getString("phase"), rs.getLong("done"),
                        rs.getLong("total"), rs.getInt("pairs"), rs.getInt("clusters"), rs.getInt("queued"),
                        rs.getString("message"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"));
                return Optional.of(new DedupJobRow(rs.getLong("id"), s, rs.getString("started_by"), rs.getString("node"),
                        Jdbc.instant(rs, "heartbeat_at"), rs.getString("model"), rs.getInt("resumes")));
            }
        });
    }

    boolean takeOver(long id, String node, Instant staleBefore, Instant now) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE dedup_job SET node = ?, heartbeat_at = ?, resumes = resumes + 1 "
                    + "WHERE id = ? AND state = 'RUNNING' AND (heartbeat_at IS NULL OR heartbeat_at < ?)")) {
                ps.setString(1, node);
                Jdbc.set(ps, 2, now);
                ps.setLong(3, id);
                Jdbc.set(ps, 4, staleBefore);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static String cut(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }

}
