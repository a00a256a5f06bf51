package org.evergreencrm.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.Email;
import org.evergreencrm.api.contact.Phone;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.dedup.MatchData;
import org.evergreencrm.api.dedup.Normalized;
import org.evergreencrm.store.jdbc.Jdbc;

/**
 * Many new contacts at once over plain JDBC, the same rows the JPA mapping writes for one ({@link ContactMapper}):
 * the contact, its phones, e-mails, tags and match keys. On PostgreSQL the ids are taken from the identity's
 * sequence in one round trip and every table gets one multi-row insert per batch (arrays unnested server-side);
 * on H2 the contacts are inserted one by one for their generated keys and the child rows in JDBC batches.
 */
final class ContactRows {
    private static final String CONTACT_COLUMNS = "kind, first_name, last_name, household_name, addr_line1, addr_line2, "
            + "addr_city, addr_state, addr_postal_code, addr_country, source, owner_id, status, custom_fields, search_text, "
            + "created_at, updated_at, version, norm_given, norm_family, norm_delivery_line, norm_postcode";

    private ContactRows() {
    }

    static List<Contact> insertAll(Connection c, List<ContactDraft> drafts, List<MatchData> data, Instant now) throws SQLException {
        if (drafts.size() != data.size()) {
            throw new IllegalArgumentException("one MatchData per draft");
        }
        if (drafts.isEmpty()) {
            return List.of();
        }
        List<String> custom = new ArrayList<>(drafts.size());
        for (ContactDraft d : drafts) {
            custom.add(ContactMapper.toJson(d.customFields())); // may refuse before anything is written
        }
        Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // what the JPA mapping (java.util.Date) keeps
        boolean pg = Jdbc.isPostgres(c);
        long[] ids = pg ? PostgresRows.insertContacts(c, drafts, data, custom, at) : insertContactsOneByOne(c, drafts, data, custom, at);
        if (pg) {
            PostgresRows.insertChildren(c, ids, drafts, data);
        } else {
            insertChildrenBatched(c, ids, drafts, data);
        }
        List<Contact> out = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            out.add(record(ids[i], drafts.get(i), data.get(i).normalized(), custom.get(i), at));
        }
        return out;
    }

    /** The columns of {@link #CONTACT_COLUMNS} for one draft, in order. */
    static Object[] contactValues(ContactDraft d, Normalized n, String customJson, Instant now) {
        PostalAddress a = d.address();
        return new Object[] {d.kind().name(), d.firstName(), d.lastName(), d.householdName(), a == null ? null : a.line1(),
            a == null ? null : a.line2(), a == null ? null : a.city(), a == null ? null : a.state(),
            a == null ? null : a.postalCode(), a == null ? null : a.country(), d.source(), d.ownerId(), d.status().name(),
            customJson, SearchText.of(d), now, now, 1L, n.givenName(), n.familyName(), n.deliveryLine(), n.postcode()};
    }

    static String contactColumns() {
        return CONTACT_COLUMNS;
    }

    private static long[] insertContactsOneByOne(Connection c, List<ContactDraft> drafts, List<MatchData> data, List<String> custom,
            Instant now) throws SQLException {
        long[] ids = new long[drafts.size()];
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO contact (" + CONTACT_COLUMNS + ") VALUES ("
                + "?, ".repeat(21) + "?)", new String[] {"id"})) {
            for (int i = 0; i < drafts.size(); i++) {
                Object[] v = contactValues(drafts.get(i), data.get(i).normalized(), custom.get(i), now);
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

    private static void insertChildrenBatched(Connection c, long[] ids, List<ContactDraft> drafts, List<MatchData> data)
            throws SQLException {
        try (PreparedStatement phone = c.prepareStatement("INSERT INTO contact_phone (contact_id, pos, phone_number, phone_type, e164) VALUES (?,?,?,?,?)");
                PreparedStatement email = c.prepareStatement("INSERT INTO contact_email (contact_id, pos, address, email_type, canonical) VALUES (?,?,?,?,?)");
                PreparedStatement tag = c.prepareStatement("INSERT INTO contact_tag (contact_id, tag) VALUES (?,?)");
                PreparedStatement key = c.prepareStatement("INSERT INTO contact_match_key (contact_id, match_key) VALUES (?,?)")) {
            for (int i = 0; i < drafts.size(); i++) {
                Children ch = Children.of(drafts.get(i), data.get(i));
                for (int p = 0; p < ch.phones().size(); p++) {
                    Phone ph = ch.phones().get(p);
                    batch(phone, ids[i], p, ph.number(), ph.type().name(), ch.e164(p));
                }
                for (int m = 0; m < ch.emails().size(); m++) {
                    Email em = ch.emails().get(m);
                    batch(email, ids[i], m, em.address(), em.type().name(), ch.canonical(m));
                }
                for (String t : ch.tags()) {
                    batch(tag, ids[i], t);
                }
                for (String k : ch.keys()) {
                    batch(key, ids[i], k);
                }
            }
            phone.executeBatch();
            email.executeBatch();
            tag.executeBatch();
            key.executeBatch();
        }
    }

    private static void batch(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Jdbc.bind(ps, i + 1, values[i]);
        }
        ps.addBatch();
    }

    /** A draft's child rows: phones, e-mails (with their normalized values), distinct tags, match keys. */
    record Children(List<Phone> phones, List<Email> emails, List<String> tags, List<String> keys, Normalized normalized) {
        static Children of(ContactDraft d, MatchData data) {
            return new Children(d.phones() == null ? List.of() : d.phones(), d.emails() == null ? List.of() : d.emails(),
                    d.tags() == null ? List.of() : new ArrayList<>(new TreeSet<>(d.tags())), new ArrayList<>(data.keys()),
                    data.normalized());
        }

        String e164(int i) {
            return i < normalized.phones().size() ? normalized.phones().get(i) : null;
        }

        String canonical(int i) {
            return i < normalized.emails().size() ? normalized.emails().get(i) : null;
        }
    }

    /** The record of a contact just written: what {@link ContactMapper#toRecord} would read back. */
    static Contact record(long id, ContactDraft d, Normalized n, String customJson, Instant stored) {
        Map<String, Object> custom = ContactMapper.fromJson(customJson);
        return new Contact(id, d.kind(), d.firstName(), d.lastName(), d.householdName(),
                d.phones() == null ? List.of() : List.copyOf(d.phones()), d.emails() == null ? List.of() : List.copyOf(d.emails()),
                d.address(), d.source(), d.ownerId(), d.status(),
                new LinkedHashSet<>(new TreeSet<>(d.tags() == null ? List.of() : d.tags())),
                java.util.Collections.unmodifiableMap(custom), stored, stored, 1L, n);
    }
}
