package org.evergreencrm.leads.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.evergreencrm.api.lead.DeadLetter;
import org.evergreencrm.api.lead.Lead;
import org.evergreencrm.store.jdbc.Jdbc;

/** {@code lead}, {@code lead_dead_letter} and {@code lead_routing_state} over plain JDBC. */
final class LeadStore {
    private static final String LEAD_COLUMNS = "id, source, source_lead_id, contact_id, existing_contact, assigned_to, "
            + "assignment_reason, received_at, stored_at, assigned_at, first_attempt_at, raw_payload, referred_by";
    private final DataSource ds;

    LeadStore(DataSource ds) {
        this.ds = ds;
    }

    Optional<Lead> findBySource(String source, String sourceLeadId) {
        return Jdbc.read(ds, c -> one(c, "SELECT " + LEAD_COLUMNS + " FROM lead WHERE source = ? AND source_lead_id = ?", source, sourceLeadId));
    }

    Optional<Lead> find(long id) {
        return Jdbc.read(ds, c -> one(c, "SELECT " + LEAD_COLUMNS + " FROM lead WHERE id = ?", id));
    }

    List<Lead> referredBy(long contactId) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + LEAD_COLUMNS + " FROM lead WHERE referred_by = ? ORDER BY id DESC")) {
                ps.setLong(1, contactId);
                List<Lead> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(lead(rs));
                    }
                }
                return out;
            }
        });
    }

    List<Lead> recent(int limit) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + LEAD_COLUMNS + " FROM lead ORDER BY id DESC FETCH FIRST "
                    + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY"); ResultSet rs = ps.executeQuery()) {
                List<Lead> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(lead(rs));
                }
                return out;
            }
        });
    }

    /** Stores a lead; when the same (source, id) was stored meanwhile, answers that one (idempotency). */
    Lead insert(Lead l) {
        try {
            long id = Jdbc.inTransaction(ds, c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO lead (source, source_lead_id, raw_payload, contact_id, "
                        + "existing_contact, assigned_to, assignment_reason, received_at, stored_at, assigned_at, referred_by) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"})) {
                    ps.setString(1, l.source());
                    ps.setString(2, l.sourceLeadId());
                    ps.setString(3, cut(l.rawPayload(), 32000));
                    ps.setLong(4, l.contactId());
                    ps.setBoolean(5, l.existingContact());
                    ps.setObject(6, l.assignedTo());
                    ps.setString(7, cut(l.assignmentReason(), 1000));
                    Jdbc.set(ps, 8, l.receivedAt());
                    Jdbc.set(ps, 9, l.storedAt());
                    Jdbc.set(ps, 10, l.assignedAt());
                    ps.setObject(11, l.referredBy());
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        return keys.getLong(1);
                    }
                }
            });
            return find(id).orElseThrow();
        } catch (IllegalStateException e) {
            Optional<Lead> existing = findBySource(l.source(), l.sourceLeadId());
            if (existing.isPresent()) {
                return existing.get();
            }
            throw e;
        }
    }

    DeadLetter deadLetter(String source, String sourceLeadId, String payload, String error, String status, Instant receivedAt,
            Instant now) {
        long id = Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO lead_dead_letter (source, source_lead_id, payload, error, "
                    + "status, received_at, failed_at, attempts) VALUES (?,?,?,?,?,?,?,1)", new String[] {"id"})) {
                ps.setString(1, cut(source == null ? "(none)" : source, 100));
                ps.setString(2, cut(sourceLeadId, 200));
                ps.setString(3, cut(payload == null ? "" : payload, 32000));
                ps.setString(4, cut(error == null ? "unknown error" : error, 2000));
                ps.setString(5, status);
                Jdbc.set(ps, 6, receivedAt == null ? now : receivedAt);
                Jdbc.set(ps, 7, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return deadLetterById(id).orElseThrow();
    }

    Optional<DeadLetter> deadLetterById(long id) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM lead_dead_letter WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(deadLetter(rs)) : Optional.<DeadLetter>empty();
                }
            }
        });
    }

    List<DeadLetter> deadLetters(boolean openOnly, int limit) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM lead_dead_letter " + (openOnly ? "WHERE status = 'OPEN' " : "")
                    + "ORDER BY id DESC FETCH FIRST " + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY"); ResultSet rs = ps.executeQuery()) {
                List<DeadLetter> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(deadLetter(rs));
                }
                return out;
            }
        });
    }

    void replayed(long deadLetterId, Long leadId, String error, Instant now) {
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE lead_dead_letter SET attempts = attempts + 1, failed_at = ?, "
                    + "status = ?, lead_id = ?, error = COALESCE(?, error) WHERE id = ?")) {
                Jdbc.set(ps, 1, now);
                ps.setString(2, leadId == null ? "OPEN" : "REPLAYED");
                ps.setObject(3, leadId);
                ps.setString(4, error == null ? null : cut(error, 2000));
                ps.setLong(5, deadLetterId);
                return ps.executeUpdate();
            }
        });
    }

    /** Assigned, not yet escalated leads older than {@code assignedBefore} whose contact had no call attempt since. */
    List<Lead> slaBreaches(Instant assignedBefore, int limit) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + LEAD_COLUMNS + " FROM lead l WHERE l.assigned_at < ? "
                    + "AND l.escalated_at IS NULL AND NOT EXISTS (SELECT 1 FROM call_attempt a WHERE a.contact_id = l.contact_id "
                    + "AND a.claimed_at >= l.received_at) ORDER BY l.id FETCH FIRST " + limit + " ROWS ONLY")) {
                Jdbc.set(ps, 1, assignedBefore);
                List<Lead> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(lead(rs));
                    }
                }
                return out;
            }
        });
    }

    /** Records an escalation (once: only a lead not yet escalated is changed); true when this call did it. */
    boolean escalate(long id, Long newAssignee, String reason, Instant now) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE lead SET escalated_at = ?, assigned_to = COALESCE(?, assigned_to), "
                    + "assigned_at = CASE WHEN ? THEN ? ELSE assigned_at END, assignment_reason = ? "
                    + "WHERE id = ? AND escalated_at IS NULL")) {
                Jdbc.set(ps, 1, now);
                ps.setObject(2, newAssignee);
                ps.setBoolean(3, newAssignee != null);
                Jdbc.set(ps, 4, now);
                ps.setString(5, cut(reason, 1000));
                ps.setLong(6, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Leads assigned since {@code since}, per rep. */
    java.util.Map<Long, Long> assignedSince(Instant since) {
        return Jdbc.read(ds, c -> {
            java.util.Map<Long, Long> out = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT assigned_to, COUNT(*) FROM lead WHERE assigned_at >= ? "
                    + "AND assigned_to IS NOT NULL GROUP BY assigned_to")) {
                Jdbc.set(ps, 1, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
            return out;
        });
    }

    /** The next position of a round-robin, atomically (survives restarts, shared by nodes). */
    long nextPosition(String name) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT position FROM lead_routing_state WHERE name = ? FOR UPDATE")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long p = rs.getLong(1);
                        try (PreparedStatement u = c.prepareStatement("UPDATE lead_routing_state SET position = ? WHERE name = ?")) {
                            u.setLong(1, p + 1);
                            u.setString(2, name);
                            u.executeUpdate();
                        }
                        return p;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO lead_routing_state (name, position) VALUES (?, 1)")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            return 0L;
        });
    }

    private static Optional<Lead> one(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(lead(rs)) : Optional.empty();
            }
        }
    }

    private static Lead lead(ResultSet rs) throws SQLException {
        return new Lead(rs.getLong("id"), rs.getString("source"), rs.getString("source_lead_id"), rs.getLong("contact_id"),
                rs.getBoolean("existing_contact"), Jdbc.longOrNull(rs, "assigned_to"), rs.getString("assignment_reason"),
                Jdbc.instant(rs, "received_at"), Jdbc.instant(rs, "stored_at"), Jdbc.instant(rs, "assigned_at"),
                Jdbc.instant(rs, "first_attempt_at"), rs.getString("raw_payload"), Jdbc.longOrNull(rs, "referred_by"));
    }

    private static DeadLetter deadLetter(ResultSet rs) throws SQLException {
        return new DeadLetter(rs.getLong("id"), rs.getString("source"), rs.getString("source_lead_id"), rs.getString("payload"),
                rs.getString("error"), rs.getString("status"), Jdbc.instant(rs, "received_at"), Jdbc.instant(rs, "failed_at"),
                rs.getInt("attempts"), Jdbc.longOrNull(rs, "lead_id"));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
