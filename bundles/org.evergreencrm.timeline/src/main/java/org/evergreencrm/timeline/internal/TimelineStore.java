package org.evergreencrm.timeline.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.sql.DataSource;

import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.timeline.Activity;
import org.evergreencrm.api.timeline.TimelinePage;
import org.evergreencrm.api.timeline.TimelineQuery;
import org.evergreencrm.store.jdbc.Jdbc;

/** The timeline's rows: activities (idempotent per event key), newest first with a keyset cursor; merge moves. */
final class TimelineStore {
    /** What the timeline keeps of one happening before it is stored. */
    record Entry(long contactId, Instant at, String kind, String actor, String summary, String payload, String key) {
    }

    private static final String UNIQUE_VIOLATION = "23505";
    private final DataSource ds;

    TimelineStore(DataSource ds) {
        this.ds = ds;
    }

    DataSource dataSource() {
        return ds;
    }

    /** Stores the entry unless one with its key is there; {@code true} when it was new. Joins an open transaction. */
    boolean record(Entry e) {
        return Jdbc.inTransaction(ds, c -> record(c, e));
    }

    static boolean record(Connection c, Entry e) throws SQLException {
        // PostgreSQL: ON CONFLICT, since a failed statement would spoil the caller's transaction; H2 keeps the
        // transaction usable after a unique violation
        boolean pg = Jdbc.isPostgres(c);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO timeline_activity (contact_id, occurred_at, kind, actor, "
                + "summary, payload, event_key) SELECT ?, ?, ?, ?, ?, ?, ? FROM (VALUES (1)) v "
                + "WHERE NOT EXISTS (SELECT 1 FROM timeline_activity WHERE event_key = ?)"
                + (pg ? " ON CONFLICT (event_key) DO NOTHING" : ""))) {
            ps.setLong(1, e.contactId());
            Jdbc.set(ps, 2, e.at().truncatedTo(ChronoUnit.MICROS));
            ps.setString(3, e.kind());
            ps.setString(4, cut(e.actor() == null ? "system" : e.actor(), 64));
            ps.setString(5, cut(e.summary(), 500));
            ps.setString(6, e.payload() == null ? "{}" : cut(e.payload(), 8000));
            ps.setString(7, cut(e.key(), 200));
            ps.setString(8, cut(e.key(), 200));
            return ps.executeUpdate() == 1;
        } catch (SQLException ex) {
            if (UNIQUE_VIOLATION.equals(ex.getSQLState())) {
                return false; // the same event, stored by another thread or node a moment ago
            }
            throw ex;
        }
    }

    TimelinePage page(long contactId, TimelineQuery q) {
        Cursor after = Cursor.parse(q.cursor());
        int limit = q.limit();
        return Jdbc.read(ds, c -> {
            StringBuilder sql = new StringBuilder("SELECT id, contact_id, occurred_at, kind, actor, summary, payload "
                    + "FROM timeline_activity WHERE contact_id = ?");
            List<Object> args = new ArrayList<>(List.of(contactId));
            if (q.kinds() != null && !q.kinds().isEmpty()) {
                sql.append(" AND kind IN (").append("?,".repeat(q.kinds().size()));
                sql.setLength(sql.length() - 1);
                sql.append(')');
                args.addAll(q.kinds().stream().sorted().toList());
            }
            if (q.from() != null) {
                sql.append(" AND occurred_at >= ?");
                args.add(q.from());
            }
            if (q.to() != null) {
                sql.append(" AND occurred_at < ?");
                args.add(q.to());
            }
            if (after != null) {
                sql.append(" AND (occurred_at < ? OR (occurred_at = ? AND id < ?))");
                args.add(after.at());
                args.add(after.at());
                args.add(after.id());
            }
            sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ").append(limit + 1);
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    Jdbc.bind(ps, i + 1, args.get(i));
                }
                List<Activity> items = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new Activity(rs.getLong("id"), rs.getLong("contact_id"), Jdbc.instant(rs, "occurred_at"),
                                rs.getString("kind"), rs.getString("actor"), rs.getString("summary"), rs.getString("payload")));
                    }
                }
                String next = null;
                if (items.size() > limit) {
                    items = new ArrayList<>(items.subList(0, limit));
                    Activity last = items.get(items.size() - 1);
                    next = new Cursor(last.at(), last.id()).format();
                }
                return new TimelinePage(items, next);
            }
        });
    }

    /** Moves what points at the loser to the survivor, remembering it under the merge. Idempotent. */
    void merged(long mergeId, long survivorId, long loserId) {
        Jdbc.inTransaction(ds, c -> {
            for (String table : new String[] {"timeline_activity", "timeline_note", "timeline_task"}) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                        + " SET contact_id = ?, moved_from = ?, merge_id = ? WHERE contact_id = ?")) {
                    ps.setLong(1, survivorId);
                    ps.setLong(2, loserId);
                    ps.setLong(3, mergeId);
                    ps.setLong(4, loserId);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Moves back exactly what {@link #merged} moved for this merge. Idempotent. */
    void undone(long mergeId) {
        Jdbc.inTransaction(ds, c -> {
            for (String table : new String[] {"timeline_activity", "timeline_note", "timeline_task"}) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table
                        + " SET contact_id = moved_from, moved_from = NULL, merge_id = NULL WHERE merge_id = ? AND moved_from IS NOT NULL")) {
                    ps.setLong(1, mergeId);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        String one = s.replace('\n', ' ').replace('\r', ' ');
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }

    /** Position after the last entry of a page: its time and id, opaque to callers. */
    record Cursor(Instant at, long id) {
        String format() {
            String raw = at.getEpochSecond() + "." + at.getNano() + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int colon = raw.indexOf(':');
                int dot = raw.indexOf('.');
                if (colon < 0 || dot < 0 || dot > colon) {
                    throw new IllegalArgumentException(raw);
                }
                Instant at = Instant.ofEpochSecond(Long.parseLong(raw.substring(0, dot)), Long.parseLong(raw.substring(dot + 1, colon)));
                return new Cursor(at, Long.parseLong(raw.substring(colon + 1)));
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw new ValidationException("cursor", "not a cursor this timeline gave out");
            }
        }
    }
}
