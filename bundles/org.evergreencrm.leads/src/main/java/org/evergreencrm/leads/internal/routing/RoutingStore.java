package org.evergreencrm.leads.internal.routing;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.evergreencrm.store.jdbc.Jdbc;

/**
 * What the routing chain reads and keeps in the database: round-robin positions (survive restarts, shared by
 * nodes), leads assigned per rep since a time (daily caps), open leads per rep (workload), close rates
 * (performance) and the reps' availability rows.
 */
public final class RoutingStore {
    /** A rep's availability row. */
    public record AvailabilityRow(long userId, String workingHours, Instant leaveFrom, Instant leaveUntil, String leaveNote) {
    }

    /** Won and decided (won + lost) leads of a rep. */
    public record CloseRate(long won, long decided) {
    }

    private final DataSource ds;

    public RoutingStore(DataSource ds) {
        this.ds = ds;
    }

    /**
     * Reserves {@code n} consecutive round-robin turns and answers the first, atomically (one statement: nodes
     * sharing the database never get the same turns).
     */
    public long reserve(String name, int n) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE lead_routing_state SET position = position + ? WHERE name = ?")) {
                ps.setLong(1, n);
                ps.setString(2, name);
                if (ps.executeUpdate() == 0) {
                    try (PreparedStatement ins = c.prepareStatement("INSERT INTO lead_routing_state (name, position) VALUES (?, ?)")) {
                        ins.setString(1, name);
                        ins.setLong(2, n);
                        ins.executeUpdate();
                    }
                    return 0L;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT position FROM lead_routing_state WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) - n;
                }
            }
        });
    }

    /** Leads assigned since {@code since}, per rep. */
    public Map<Long, Long> assignedSince(Instant since) {
        return Jdbc.read(ds, c -> {
            Map<Long, Long> out = new HashMap<>();
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

    /**
     * Open leads per rep: distinct contacts of leads assigned to the rep that the rep still owns and that are still
     * open (not a customer, not unqualified, not deleted).
     */
    public Map<Long, Long> openLeads() {
        return Jdbc.read(ds, c -> {
            Map<Long, Long> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT l.assigned_to, COUNT(DISTINCT l.contact_id) FROM lead l "
                    + "JOIN contact c ON c.id = l.contact_id AND c.owner_id = l.assigned_to AND c.deleted_at IS NULL "
                    + "AND c.status NOT IN ('CUSTOMER', 'UNQUALIFIED') WHERE l.assigned_to IS NOT NULL GROUP BY l.assigned_to");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /** Per rep, of the leads assigned since {@code since}: how many became customers, and how many were decided either way. */
    public Map<Long, CloseRate> closeRates(Instant since) {
        return Jdbc.read(ds, c -> {
            Map<Long, CloseRate> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT l.assigned_to, SUM(CASE WHEN c.status = 'CUSTOMER' THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN c.status IN ('CUSTOMER', 'UNQUALIFIED') THEN 1 ELSE 0 END) FROM lead l "
                    + "JOIN contact c ON c.id = l.contact_id WHERE l.assigned_to IS NOT NULL AND l.assigned_at >= ? GROUP BY l.assigned_to")) {
                Jdbc.set(ps, 1, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), new CloseRate(rs.getLong(2), rs.getLong(3)));
                    }
                }
            }
            return out;
        });
    }

    public Map<Long, AvailabilityRow> availability() {
        return Jdbc.read(ds, c -> {
            Map<Long, AvailabilityRow> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id, working_hours, leave_from, leave_until, leave_note FROM rep_availability");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new AvailabilityRow(rs.getLong(1), rs.getString(2), Jdbc.instant(rs, "leave_from"),
                            Jdbc.instant(rs, "leave_until"), rs.getString(5)));
                }
            }
            return out;
        });
    }

    public void saveAvailability(AvailabilityRow row, String by, Instant now) {
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM rep_availability WHERE user_id = ?")) {
                del.setLong(1, row.userId());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rep_availability (user_id, working_hours, leave_from, "
                    + "leave_until, leave_note, updated_at, updated_by) VALUES (?,?,?,?,?,?,?)")) {
                ps.setLong(1, row.userId());
                ps.setString(2, row.workingHours());
                Jdbc.set(ps, 3, row.leaveFrom());
                Jdbc.set(ps, 4, row.leaveUntil());
                ps.setString(5, row.leaveNote());
                Jdbc.set(ps, 6, now);
                ps.setString(7, by);
                return ps.executeUpdate();
            }
        });
    }
}
