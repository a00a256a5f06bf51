package org.evergreencrm.store.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.Email;
import org.evergreencrm.api.contact.Phone;
import org.evergreencrm.api.dedup.MatchData;
import org.evergreencrm.store.jdbc.Jdbc;

/**
 * PostgreSQL's bulk path for {@link ContactRows}: ids from the identity sequence in one round trip, then one
 * {@code INSERT … SELECT FROM unnest(arrays)} per table, so a batch of contacts costs a handful of statements however
 * large it is.
 */
final class PostgresRows {
    private PostgresRows() {
    }

    /** {@code n} ids from the identity sequence of {@code table.id}. */
    static long[] nextIds(Connection c, String table, int n) throws SQLException {
        long[] ids = new long[n];
        try (PreparedStatement ps = c.prepareStatement("SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)")) {
            ps.setString(1, table);
            ps.setInt(2, n);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; i < n; i++) {
                    rs.next();
                    ids[i] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    static long[] insertContacts(Connection c, List<ContactDraft> drafts, List<MatchData> data, List<String> custom, Instant now)
            throws SQLException {
        int n = drafts.size();
        long[] ids = nextIds(c, "contact", n);
        // the 22 columns of ContactRows.contactValues: created_at/updated_at/version are the same for every row
        Object[][] columns = new Object[22][n];
        for (int i = 0; i < n; i++) {
            Object[] v = ContactRows.contactValues(drafts.get(i), data.get(i).normalized(), custom.get(i), now);
            for (int col = 0; col < v.length; col++) {
                columns[col][i] = v[col];
            }
        }
        String sql = "INSERT INTO contact (id, " + ContactRows.contactColumns() + ") SELECT u.id, u.kind, u.first_name, "
                + "u.last_name, u.household_name, u.addr_line1, u.addr_line2, u.addr_city, u.addr_state, u.addr_postal_code, "
                + "u.addr_country, u.source, u.owner_id, u.status, u.custom_fields, u.search_text, ?, ?, 1, u.norm_given, "
                + "u.norm_family, u.norm_delivery_line, u.norm_postcode FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], "
                + "?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], "
                + "?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], "
                + "?::varchar[], ?::varchar[], ?::varchar[]) AS u(id, kind, first_name, last_name, household_name, addr_line1, "
                + "addr_line2, addr_city, addr_state, addr_postal_code, addr_country, source, owner_id, status, custom_fields, "
                + "search_text, norm_given, norm_family, norm_delivery_line, norm_postcode)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.set(ps, 1, now);
            Jdbc.set(ps, 2, now);
            ps.setArray(3, longs(c, ids));
            int p = 4;
            for (int col = 0; col < 22; col++) {
                if (col == 15 || col == 16 || col == 17) {
                    continue; // created_at, updated_at, version: the parameters above
                }
                ps.setArray(p++, col == 11 ? c.createArrayOf("bigint", columns[col]) : c.createArrayOf("varchar", columns[col]));
            }
            ps.executeUpdate();
        }
        return ids;
    }

    static void insertChildren(Connection c, long[] ids, List<ContactDraft> drafts, List<MatchData> data) throws SQLException {
        Rows phones = new Rows(5);
        Rows emails = new Rows(5);
        Rows tags = new Rows(2);
        Rows keys = new Rows(2);
        for (int i = 0; i < drafts.size(); i++) {
            ContactRows.Children ch = ContactRows.Children.of(drafts.get(i), data.get(i));
            for (int p = 0; p < ch.phones().size(); p++) {
                Phone ph = ch.phones().get(p);
                phones.add(ids[i], p, ph.number(), ph.type().name(), ch.e164(p));
            }
            for (int m = 0; m < ch.emails().size(); m++) {
                Email em = ch.emails().get(m);
                emails.add(ids[i], m, em.address(), em.type().name(), ch.canonical(m));
            }
            for (String t : ch.tags()) {
                tags.add(ids[i], t);
            }
            for (String k : ch.keys()) {
                keys.add(ids[i], k);
            }
        }
        phones.insert(c, "INSERT INTO contact_phone (contact_id, pos, phone_number, phone_type, e164) SELECT * FROM "
                + "unnest(?::bigint[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[])", "bigint", "int", "varchar", "varchar", "varchar");
        emails.insert(c, "INSERT INTO contact_email (contact_id, pos, address, email_type, canonical) SELECT * FROM "
                + "unnest(?::bigint[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[])", "bigint", "int", "varchar", "varchar", "varchar");
        tags.insert(c, "INSERT INTO contact_tag (contact_id, tag) SELECT * FROM unnest(?::bigint[], ?::varchar[])", "bigint", "varchar");
        keys.insert(c, "INSERT INTO contact_match_key (contact_id, match_key) SELECT * FROM unnest(?::bigint[], ?::varchar[])",
                "bigint", "varchar");
    }

    private static Array longs(Connection c, long[] values) throws SQLException {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return c.createArrayOf("bigint", boxed);
    }

    /** Column-wise values of rows to insert with one unnest. */
    static final class Rows {
        private final List<List<Object>> columns = new ArrayList<>();

        Rows(int width) {
            for (int i = 0; i < width; i++) {
                columns.add(new ArrayList<>());
            }
        }

        void add(Object... row) {
            for (int i = 0; i < row.length; i++) {
                columns.get(i).add(row[i]);
            }
        }

        boolean isEmpty() {
            return columns.get(0).isEmpty();
        }

        void insert(Connection c, String sql, String... types) throws SQLException {
            if (isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < types.length; i++) {
                    ps.setArray(i + 1, c.createArrayOf(types[i], columns.get(i).toArray()));
                }
                ps.executeUpdate();
            }
        }
    }
}
