package org.evergreencrm.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.evergreencrm.api.dedup.PersonRecord;
import org.evergreencrm.api.store.MatchCandidate;
import org.evergreencrm.store.jdbc.Jdbc;

/**
 * Every live contact as the duplicate comparison sees it, in id order, {@value #PAGE} at a time (three queries per
 * page: contacts, phones, e-mails by id range). For the batch duplicate search over the whole database.
 */
final class PersonScan {
    static final int PAGE = 10_000;

    private PersonScan() {
    }

    static long scan(DataSource ds, Consumer<MatchCandidate> sink) {
        return Jdbc.read(ds, c -> {
            long after = Long.MIN_VALUE;
            long total = 0;
            while (true) {
                List<MatchCandidate> page = page(c, after, PAGE);
                if (page.isEmpty()) {
                    return total;
                }
                page.forEach(sink);
                total += page.size();
                after = page.get(page.size() - 1).id();
            }
        });
    }

    /** The live contacts with an id above {@code after}, at most {@code limit}, in id order. */
    static List<MatchCandidate> page(DataSource ds, long after, int limit) {
        return Jdbc.read(ds, c -> page(c, after, limit));
    }

    private static List<MatchCandidate> page(Connection c, long after, int limit) throws SQLException {
        Map<Long, Object[]> rows = rows(c, after, Math.max(1, Math.min(limit, PAGE)));
        List<MatchCandidate> out = new ArrayList<>(rows.size());
        if (rows.isEmpty()) {
            return out;
        }
        long first = rows.keySet().iterator().next();
        long last = rows.keySet().stream().reduce((x, y) -> y).orElseThrow();
        Map<Long, List<String>> phones = values(c, "SELECT contact_id, phone_number FROM contact_phone WHERE contact_id "
                + "BETWEEN ? AND ? ORDER BY contact_id, pos", first, last);
        Map<Long, List<String>> emails = values(c, "SELECT contact_id, address FROM contact_email WHERE contact_id "
                + "BETWEEN ? AND ? ORDER BY contact_id, pos", first, last);
        for (Map.Entry<Long, Object[]> e : rows.entrySet()) {
            Object[] r = e.getValue();
            String family = r[2] != null ? (String) r[2] : (String) r[3];
            String custom = (String) r[8];
            out.add(new MatchCandidate(e.getKey(), (Long) r[0], new PersonRecord(Long.toString(e.getKey()),
                    (String) r[1], family, null, (String) r[4], (String) r[9], (String) r[5], (String) r[6], (String) r[7],
                    MatchCandidates.dateOfBirth(custom), phones.getOrDefault(e.getKey(), List.of()),
                    emails.getOrDefault(e.getKey(), List.of())), MatchCandidates.externalId(custom)));
        }
        return out;
    }

    private static Map<Long, Object[]> rows(Connection c, long after, int limit) throws SQLException {
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, owner_id, first_name, last_name, household_name, "
                + "addr_line1, addr_city, addr_postal_code, addr_state, custom_fields, addr_line2 FROM contact WHERE id > ? "
                + "AND deleted_at IS NULL ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")) {
            ps.setLong(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), new Object[] {Jdbc.longOrNull(rs, "owner_id"), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11)});
                }
            }
        }
        return rows;
    }

    private static Map<Long, List<String>> values(Connection c, String sql, long first, long last) throws SQLException {
        Map<Long, List<String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, first);
            ps.setLong(2, last);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2)).add(rs.getString(2));
                }
            }
        }
        return out;
    }
}
