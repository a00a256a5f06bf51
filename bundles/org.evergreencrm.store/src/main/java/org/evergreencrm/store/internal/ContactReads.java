package org.evergreencrm.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactKind;
import org.evergreencrm.api.contact.ContactQuery;
import org.evergreencrm.api.contact.ContactStatus;
import org.evergreencrm.api.contact.Email;
import org.evergreencrm.api.contact.Phone;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.dedup.Normalized;
import org.evergreencrm.api.store.ContactScope;
import org.evergreencrm.store.jdbc.Jdbc;

/**
 * The read paths the console uses all day — a contact by id and a page of the contact list — in a bounded number of
 * plain SQL queries: one for the contacts, then one each for their phones, e-mails and tags ({@code contact_id IN}
 * the page's ids). The same records as {@link ContactMapper#toRecord}; {@code ContactReadsTest} compares the two.
 * Writes stay with JPA.
 */
final class ContactReads {
    private static final String COLUMNS = "c.id, c.kind, c.first_name, c.last_name, c.household_name, c.addr_line1, "
            + "c.addr_line2, c.addr_city, c.addr_state, c.addr_postal_code, c.addr_country, c.source, c.owner_id, c.status, "
            + "c.custom_fields, c.created_at, c.updated_at, c.version, c.norm_given, c.norm_family, c.norm_delivery_line, "
            + "c.norm_postcode";

    /** One contact row before its children are read. */
    private static final class Row {
        long id;
        String kind;
        String first;
        String last;
        String household;
        String line1;
        String line2;
        String city;
        String state;
        String postalCode;
        String country;
        String source;
        Long ownerId;
        String status;
        String customFields;
        Instant createdAt;
        Instant updatedAt;
        long version;
        String normGiven;
        String normFamily;
        String normDeliveryLine;
        String normPostcode;
        final List<Phone> phones = new ArrayList<>();
        final List<String> e164 = new ArrayList<>();
        final List<Email> emails = new ArrayList<>();
        final List<String> canonical = new ArrayList<>();
        final TreeSet<String> tags = new TreeSet<>();
    }

    private ContactReads() {
    }

    /** The live (not deleted) contact with this id. */
    static Optional<Contact> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM contact c WHERE c.id = ? AND c.deleted_at IS NULL")) {
            ps.setLong(1, id);
            List<Contact> found = load(c, ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /** Up to {@code limit} live contacts matching the query in the scope, newest (highest id) first, ids below {@code afterId}. */
    static List<Contact> search(Connection c, ContactQuery q, ContactScope scope, Long afterId, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM contact c WHERE c.deleted_at IS NULL");
        List<Object> params = new ArrayList<>();
        if (afterId != null) {
            sql.append(" AND c.id < ?");
            params.add(afterId);
        }
        if (scope.ownerIds() != null) {
            sql.append(" AND c.owner_id IN (");
            int n = 0;
            for (Long owner : scope.ownerIds()) {
                sql.append(n++ == 0 ? "?" : ", ?");
                params.add(owner);
            }
            sql.append(')');
        }
        if (q.ownerId() != null) {
            sql.append(" AND c.owner_id = ?");
            params.add(q.ownerId());
        }
        if (q.status() != null) {
            sql.append(" AND c.status = ?");
            params.add(q.status().name());
        }
        if (q.tag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM contact_tag t WHERE t.contact_id = c.id AND t.tag = ?)");
            params.add(q.tag());
        }
        if (q.createdFrom() != null) {
            sql.append(" AND c.created_at >= ?");
            params.add(millis(q.createdFrom()));
        }
        if (q.createdTo() != null) {
            sql.append(" AND c.created_at < ?");
            params.add(millis(q.createdTo()));
        }
        for (String pattern : SearchText.patterns(q.text())) {
            sql.append(" AND c.search_text LIKE ? ESCAPE '\\'");
            params.add(pattern);
        }
        sql.append(" ORDER BY c.id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                Jdbc.bind(ps, i + 1, params.get(i));
            }
            return load(c, ps);
        }
    }

    private static List<Contact> load(Connection c, PreparedStatement main) throws SQLException {
        Map<Long, Row> rows = new LinkedHashMap<>();
        try (ResultSet rs = main.executeQuery()) {
            while (rs.next()) {
                Row r = new Row();
                r.id = rs.getLong(1);
                r.kind = rs.getString(2);
                r.first = rs.getString(3);
                r.last = rs.getString(4);
                r.household = rs.getString(5);
                r.line1 = rs.getString(6);
                r.line2 = rs.getString(7);
                r.city = rs.getString(8);
                r.state = rs.getString(9);
                r.postalCode = rs.getString(10);
                r.country = rs.getString(11);
                r.source = rs.getString(12);
                long owner = rs.getLong(13);
                r.ownerId = rs.wasNull() ? null : owner;
                r.status = rs.getString(14);
                r.customFields = rs.getString(15);
                r.createdAt = instant(rs, 16);
                r.updatedAt = instant(rs, 17);
                r.version = rs.getLong(18);
                r.normGiven = rs.getString(19);
                r.normFamily = rs.getString(20);
                r.normDeliveryLine = rs.getString(21);
                r.normPostcode = rs.getString(22);
                rows.put(r.id, r);
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        String in = inList(rows.size());
        children(c, "SELECT contact_id, phone_number, phone_type, e164 FROM contact_phone WHERE contact_id IN " + in
                + " ORDER BY contact_id, pos", rows, (r, rs) -> {
                    r.phones.add(new Phone(rs.getString(2), Phone.PhoneType.valueOf(rs.getString(3))));
                    r.e164.add(rs.getString(4));
                });
        children(c, "SELECT contact_id, address, email_type, canonical FROM contact_email WHERE contact_id IN " + in
                + " ORDER BY contact_id, pos", rows, (r, rs) -> {
                    r.emails.add(new Email(rs.getString(2), Email.EmailType.valueOf(rs.getString(3))));
                    r.canonical.add(rs.getString(4));
                });
        children(c, "SELECT contact_id, tag FROM contact_tag WHERE contact_id IN " + in, rows, (r, rs) -> r.tags.add(rs.getString(2)));
        List<Contact> out = new ArrayList<>(rows.size());
        for (Row r : rows.values()) {
            out.add(toRecord(r));
        }
        return out;
    }

    private interface ChildRow {
        void add(Row parent, ResultSet rs) throws SQLException;
    }

    private static void children(Connection c, String sql, Map<Long, Row> rows, ChildRow add) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Long id : rows.keySet()) {
                ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row parent = rows.get(rs.getLong(1));
                    if (parent != null) {
                        add.add(parent, rs);
                    }
                }
            }
        }
    }

    private static Contact toRecord(Row r) {
        PostalAddress address = r.line1 == null && r.city == null && r.postalCode == null && r.line2 == null && r.state == null
                && r.country == null ? null : new PostalAddress(r.line1, r.line2, r.city, r.state, r.postalCode, r.country);
        boolean noNormalized = r.normGiven == null && r.normFamily == null && r.normDeliveryLine == null && r.normPostcode == null
                && r.e164.stream().allMatch(Objects::isNull) && r.canonical.stream().allMatch(Objects::isNull);
        Normalized normalized = noNormalized ? Normalized.NONE
                : new Normalized(r.e164, r.canonical, r.normGiven, r.normFamily, r.normDeliveryLine, r.normPostcode);
        return new Contact(r.id, ContactKind.valueOf(r.kind), r.first, r.last, r.household, List.copyOf(r.phones),
                List.copyOf(r.emails), address, r.source, r.ownerId, ContactStatus.valueOf(r.status), new LinkedHashSet<>(r.tags),
                Collections.unmodifiableMap(ContactMapper.fromJson(r.customFields)), r.createdAt, r.updatedAt, r.version, normalized);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        // milliseconds, as the JPA mapping (java.util.Date) reads them: the same contact reads back the same either way
        return t == null ? null : t.toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** Bounds at the milliseconds the stored times have (written through java.util.Date by JPA). */
    private static Instant millis(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static String inList(int n) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "?" : ", ?");
        }
        return s.append(')').toString();
    }
}
