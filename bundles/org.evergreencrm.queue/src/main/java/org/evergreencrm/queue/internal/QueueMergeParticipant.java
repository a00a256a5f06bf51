package org.evergreencrm.queue.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.evergreencrm.api.dedup.MergeParticipant;
import org.evergreencrm.api.store.SchemaReady;
import org.evergreencrm.store.jdbc.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Call-queue state follows a merge: the loser's entry moves to the survivor when the survivor has none; when both
 * are queued the survivor's entry stays, takes the loser's call count (so attempt limits still hold) and the loser's
 * entry finishes as {@code MERGED}. Attempts and history move too. Undo reverses exactly what was done.
 */
@Component(service = MergeParticipant.class)
public final class QueueMergeParticipant implements MergeParticipant {
    private final DataSource ds;

    @Activate
    public QueueMergeParticipant(@Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds,
            @Reference(target = "(evergreen.schema=org.evergreencrm.queue)") SchemaReady schemaReady,
            // merge_moved_record is the compliance bundle's table (its consent participant uses it too)
            @Reference(target = "(evergreen.schema=org.evergreencrm.compliance)") SchemaReady movesSchema) {
        this.ds = ds;
    }

    QueueMergeParticipant(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public void merged(long mergeId, long survivorId, long loserId) {
        Jdbc.inTransaction(ds, c -> {
            if (moved(c, mergeId, "queue_entry_moved").isPresent() || moved(c, mergeId, "queue_entry_merged").isPresent()) {
                return null; // already done: merge participants must be idempotent
            }
            Optional<QueueRow> loser = QueueStore.lock(c, loserId);
            Optional<QueueRow> survivor = QueueStore.lock(c, survivorId);
            if (loser.isPresent() && survivor.isEmpty()) {
                exec(c, "UPDATE queue_entry SET contact_id = ? WHERE contact_id = ?", survivorId, loserId);
                remember(c, mergeId, "queue_entry_moved", loserId, null);
            } else if (loser.isPresent()) {
                QueueRow l = loser.get();
                remember(c, mergeId, "queue_entry_merged", loserId, l.status() + "|" + finalState(c, loserId) + "|" + l.attemptsTotal());
                exec(c, "UPDATE queue_entry SET status = 'FINISHED', final_state = 'MERGED', claimed_by = NULL, "
                        + "claim_attempt = NULL, lease_until = NULL WHERE contact_id = ?", loserId);
                exec(c, "UPDATE queue_entry SET attempts_total = attempts_total + " + l.attemptsTotal() + " WHERE contact_id = ?", survivorId);
            }
            for (String table : new String[] {"call_attempt", "queue_history"}) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO merge_moved_record (merge_id, kind, record_id) "
                        + "SELECT ?, ?, id FROM " + table + " WHERE contact_id = ?")) {
                    ps.setLong(1, mergeId);
                    ps.setString(2, table);
                    ps.setLong(3, loserId);
                    ps.executeUpdate();
                }
                exec(c, "UPDATE " + table + " SET contact_id = ? WHERE contact_id = ?", survivorId, loserId);
            }
            return null;
        });
    }

    @Override
    public void undone(long mergeId, long survivorId, long loserId) {
        Jdbc.inTransaction(ds, c -> {
            for (String table : new String[] {"call_attempt", "queue_history"}) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET contact_id = ? WHERE id IN "
                        + "(SELECT record_id FROM merge_moved_record WHERE merge_id = ? AND kind = ?)")) {
                    ps.setLong(1, loserId);
                    ps.setLong(2, mergeId);
                    ps.setString(3, table);
                    ps.executeUpdate();
                }
            }
            if (moved(c, mergeId, "queue_entry_moved").isPresent()) {
                exec(c, "UPDATE queue_entry SET contact_id = ? WHERE contact_id = ?", loserId, survivorId);
            }
            Optional<String> merged = moved(c, mergeId, "queue_entry_merged");
            if (merged.isPresent()) {
                String[] d = merged.get().split("\\|", -1);
                try (PreparedStatement ps = c.prepareStatement("UPDATE queue_entry SET status = ?, final_state = ? WHERE contact_id = ?")) {
                    ps.setString(1, "CLAIMED".equals(d[0]) ? "QUEUED" : d[0]);
                    ps.setString(2, d[1].isEmpty() || "null".equals(d[1]) ? null : d[1]);
                    ps.setLong(3, loserId);
                    ps.executeUpdate();
                }
                exec(c, "UPDATE queue_entry SET attempts_total = attempts_total - " + Integer.parseInt(d[2]) + " WHERE contact_id = ?", survivorId);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM merge_moved_record WHERE merge_id = ? AND kind IN "
                    + "('call_attempt', 'queue_history', 'queue_entry_moved', 'queue_entry_merged')")) {
                ps.setLong(1, mergeId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static String finalState(Connection c, long contactId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT final_state FROM queue_entry WHERE contact_id = ?")) {
            ps.setLong(1, contactId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Optional<String> moved(Connection c, long mergeId, String kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT detail FROM merge_moved_record WHERE merge_id = ? AND kind = ?")) {
            ps.setLong(1, mergeId);
            ps.setString(2, kind);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1) == null ? "" : rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static void remember(Connection c, long mergeId, String kind, long id, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO merge_moved_record (merge_id, kind, record_id, detail) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, mergeId);
            ps.setString(2, kind);
            ps.setLong(3, id);
            ps.setString(4, detail);
            ps.executeUpdate();
        }
    }

    private static void exec(Connection c, String sql, long... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setLong(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
