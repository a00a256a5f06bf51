package org.evergreencrm.leads.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.evergreencrm.api.lead.GeoPoint;
import org.evergreencrm.api.lead.Lead;
import org.evergreencrm.store.jdbc.Jdbc;

/** The {@code lead} table over plain JDBC: reads, the bulk insert of a batch, the SLA and first-attempt updates. */
final class LeadStore {
    static final String LEAD_COLUMNS = "id, source, source_lead_id, contact_id, existing_contact, assigned_to, "
            + "assignment_reason, received_at, stored_at, assigned_at, first_attempt_at, raw_payload, referred_by, score, "
            + "latitude, longitude, location_precision, location_by, notes, score_priority, score_model, score_reasons";
    private static final String INSERT_COLUMNS = "source, source_lead_id, raw_payload, contact_id, existing_contact, assigned_to, "
            + "assignment_reason, received_at, stored_at, assigned_at, referred_by, score, latitude, longitude, "
            + "location_precision, location_by, notes, score_priority, score_model, score_reasons";
    private final DataSource ds;

    LeadStore(DataSource ds) {
        this.ds = ds;
    }

    DataSource dataSource() {
        return ds;
    }

    Optional<Lead> findBySource(String source, String sourceLeadId) {
        return Jdbc.read(ds, c -> first(list(c, "SELECT " + LEAD_COLUMNS + " FROM lead WHERE source = ? AND source_lead_id = ?",
                source, sourceLeadId)));
    }

    /**
     * The stored leads of one source among these ids, by id: one query for a whole batch. On PostgreSQL each id is
     * probed on the (source, id) unique index, whatever the statistics say: a plain IN list (or a join the planner
     * may flatten) is planned as a scan of all the source's rows while the table fills up faster than it is analyzed,
     * and gets slower with every file; the LIMIT keeps the lateral probe a probe.
     */
    Map<String, Lead> findBySource(String source, Collection<String> sourceLeadIds) {
        Map<String, Lead> out = new HashMap<>();
        List<String> ids = new ArrayList<>(sourceLeadIds);
        if (ids.isEmpty()) {
            return out;
        }
        Jdbc.read(ds, c -> {
            if (Jdbc.isPostgres(c)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT l.* FROM unnest(?::varchar[]) AS k(id) CROSS JOIN LATERAL "
                        + "(SELECT " + LEAD_COLUMNS + " FROM lead WHERE source = ? AND source_lead_id = k.id LIMIT 1) l")) {
                    ps.setArray(1, c.createArrayOf("varchar", ids.toArray()));
                    ps.setString(2, source);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Lead l = lead(rs);
                            out.put(l.sourceLeadId(), l);
                        }
                    }
                }
                return null;
            }
            for (int from = 0; from < ids.size(); from += 500) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
                List<Object> args = new ArrayList<>();
                args.add(source);
                args.addAll(chunk);
                for (Lead l : list(c, "SELECT " + LEAD_COLUMNS + " FROM lead WHERE source = ? AND source_lead_id IN ("
                        + "?" + ", ?".repeat(chunk.size() - 1) + ")", args.toArray())) {
                    out.put(l.sourceLeadId(), l);
                }
            }
            return null;
        });
        return out;
    }

    Optional<Lead> find(long id) {
        return Jdbc.read(ds, c -> first(list(c, "SELECT " + LEAD_COLUMNS + " FROM lead WHERE id = ?", id)));
    }

    List<Lead> referredBy(long contactId) {
        return Jdbc.read(ds, c -> list(c, "SELECT " + LEAD_COLUMNS + " FROM lead WHERE referred_by = ? ORDER BY id DESC", contactId));
    }

    List<Lead> recent(int limit) {
        return recent(limit, null);
    }

    /** @param owners only leads whose contact one of these users owns; {@code null}: every lead */
    List<Lead> recent(int limit, java.util.Set<Long> owners) {
        String where = "";
        if (owners != null) {
            StringBuilder in = new StringBuilder("-1");
            owners.stream().filter(java.util.Objects::nonNull).forEach(o -> in.append(", ").append(o.longValue()));
            where = "WHERE contact_id IN (SELECT k.id FROM contact k WHERE k.owner_id IN (" + in + ")) ";
        }
        String sql = "SELECT " + LEAD_COLUMNS + " FROM lead " + where + "ORDER BY id DESC FETCH FIRST "
                + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY";
        return Jdbc.read(ds, c -> list(c, sql));
    }

    /**
     * Inserts leads on the caller's transaction and answers them with their ids. On PostgreSQL: ids from the
     * sequence and one multi-row insert; on H2 row by row. A (source, id) stored meanwhile fails the insert (the
     * unique constraint), and with it the caller's transaction.
     */
    static List<Lead> insertAll(Connection c, List<Lead> leads) throws SQLException {
        if (leads.isEmpty()) {
            return List.of();
        }
        long[] ids = Jdbc.isPostgres(c) ? insertPostgres(c, leads) : insertOneByOne(c, leads);
        List<Lead> out = new ArrayList<>(leads.size());
        for (int i = 0; i < leads.size(); i++) {
            Lead l = leads.get(i);
            out.add(new Lead(ids[i], l.source(), l.sourceLeadId(), l.contactId(), l.existingContact(), l.assignedTo(),
                    cut(l.assignmentReason(), 1000), l.receivedAt(), l.storedAt(), l.assignedAt(), null, cut(l.rawPayload(), 32000),
                    l.referredBy(), l.score(), l.location(), cut(l.notes(), 2000), l.scored()));
        }
        return out;
    }

    private static Object[] values(Lead l) {
        GeoPoint p = l.location();
        return new Object[] {l.source(), l.sourceLeadId(), cut(l.rawPayload() == null ? "" : l.rawPayload(), 32000), l.contactId(),
            l.existingContact(), l.assignedTo(), cut(l.assignmentReason(), 1000), l.receivedAt(), l.storedAt(), l.assignedAt(),
            l.referredBy(), l.score(), p == null ? null : p.latitude(), p == null ? null : p.longitude(),
            p == null ? null : cut(p.precision(), 20), p == null ? null : cut(p.by(), 100), cut(l.notes(), 2000),
            l.scored() == null ? null : cut(l.scored().priority(), 1), l.scored() == null ? null : cut(l.scored().model(), 200),
            l.scored() == null ? null : ScoreCodec.reasons(l.scored().reasons())};
    }

    private static long[] insertOneByOne(Connection c, List<Lead> leads) throws SQLException {
        long[] ids = new long[leads.size()];
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO lead (" + INSERT_COLUMNS + ") VALUES (" + "?, ".repeat(19) + "?)",
                new String[] {"id"})) {
            for (int i = 0; i < leads.size(); i++) {
                Object[] v = values(leads.get(i));
                for (int col = 0; col < v.length; col++) {
                    Jdbc.bind(ps, col + 1, v[col]);
                }
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    ids[i] = keys.getLong(1);
                }
            }
        }
        return ids;
    }

    private static long[] insertPostgres(Connection c, List<Lead> leads) throws SQLException {
        int n = leads.size();
        long[] ids = new long[n];
        try (PreparedStatement ps = c.prepareStatement("SELECT nextval(pg_get_serial_sequence('lead', 'id')) FROM generate_series(1, ?)")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; i < n; i++) {
                    rs.next();
                    ids[i] = rs.getLong(1);
                }
            }
        }
        String[] types = {"varchar", "varchar", "varchar", "bigint", "boolean", "bigint", "varchar", "timestamptz", "timestamptz",
            "timestamptz", "bigint", "float8", "float8", "float8", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar"};
        Object[][] columns = new Object[types.length][n];
        for (int i = 0; i < n; i++) {
            Object[] v = values(leads.get(i));
            for (int col = 0; col < v.length; col++) {
                columns[col][i] = v[col] instanceof Instant t ? t.toString() : v[col]; // ISO-8601 UTC, read by the server
            }
        }
        StringBuilder sql = new StringBuilder("INSERT INTO lead (id, " + INSERT_COLUMNS + ") SELECT * FROM unnest(?::bigint[]");
        for (String t : types) {
            sql.append(", ?::").append(t).append("[]");
        }
        sql.append(')');
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            Long[] boxed = new Long[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = ids[i];
            }
            ps.setArray(1, c.createArrayOf("bigint", boxed));
            for (int col = 0; col < types.length; col++) {
                ps.setArray(col + 2, c.createArrayOf(types[col], columns[col]));
            }
            ps.executeUpdate();
        }
        return ids;
    }

    /** Assigned, not yet escalated leads older than {@code assignedBefore} with no first attempt yet. */
    List<Lead> slaBreaches(Instant assignedBefore, int limit) {
        return Jdbc.read(ds, c -> list(c, "SELECT " + LEAD_COLUMNS + " FROM lead l WHERE l.assigned_at < ? "
                + "AND l.escalated_at IS NULL AND l.first_attempt_at IS NULL AND NOT EXISTS (SELECT 1 FROM call_attempt a "
                + "WHERE a.contact_id = l.contact_id AND a.claimed_at >= l.received_at) ORDER BY l.id FETCH FIRST " + limit
                + " ROWS ONLY", assignedBefore));
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

    static List<Lead> list(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Jdbc.bind(ps, i + 1, args[i]);
            }
            List<Lead> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(lead(rs));
                }
            }
            return out;
        }
    }

    private static Optional<Lead> first(List<Lead> leads) {
        return leads.isEmpty() ? Optional.empty() : Optional.of(leads.get(0));
    }

    static Lead lead(ResultSet rs) throws SQLException {
        double lat = rs.getDouble("latitude");
        GeoPoint location = rs.wasNull() ? null : new GeoPoint(lat, rs.getDouble("longitude"), rs.getString("location_precision"),
                rs.getString("location_by"));
        double score = rs.getDouble("score");
        Double s = rs.wasNull() ? null : score;
        return new Lead(rs.getLong("id"), rs.getString("source"), rs.getString("source_lead_id"), rs.getLong("contact_id"),
                rs.getBoolean("existing_contact"), Jdbc.longOrNull(rs, "assigned_to"), rs.getString("assignment_reason"),
                Jdbc.instant(rs, "received_at"), Jdbc.instant(rs, "stored_at"), Jdbc.instant(rs, "assigned_at"),
                Jdbc.instant(rs, "first_attempt_at"), rs.getString("raw_payload"), Jdbc.longOrNull(rs, "referred_by"), s,
                location, rs.getString("notes"), ScoreCodec.read(s, rs.getString("score_priority"), rs.getString("score_model"),
                        rs.getString("score_reasons")));
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
