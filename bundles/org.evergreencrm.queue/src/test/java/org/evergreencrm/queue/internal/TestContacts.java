package org.evergreencrm.queue.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.Page;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactKind;
import org.evergreencrm.api.contact.ContactQuery;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.contact.ContactStatus;
import org.evergreencrm.api.contact.DuplicateMatch;
import org.evergreencrm.api.contact.Phone;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.dedup.Normalized;
import org.evergreencrm.api.security.Actor;

/**
 * Contacts for queue tests: real rows in {@code contact} (the queue's foreign key and name lookup need them),
 * read back through the {@link ContactService} methods the queue uses. The contacts bundle's own rules are
 * tested there and end to end in the distribution tests.
 */
final class TestContacts implements ContactService {
    private final DataSource ds;
    private final Map<Long, Contact> byId = new ConcurrentHashMap<>();

    TestContacts(DataSource ds) {
        this.ds = ds;
    }

    long add(String first, String last, String phone, String state, String zip) {
        Instant now = Instant.parse("2026-11-01T00:00:00Z");
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO contact (kind, "
                + "first_name, last_name, addr_state, addr_postal_code, status, search_text, created_at, updated_at, version) "
                + "VALUES ('PERSON', ?, ?, ?, ?, 'NEW', ?, ?, ?, 0)", new String[] {"id"})) {
            ps.setString(1, first);
            ps.setString(2, last);
            ps.setString(3, state);
            ps.setString(4, zip);
            ps.setString(5, (first + " " + last).toLowerCase());
            ps.setObject(6, now.atOffset(ZoneOffset.UTC));
            ps.setObject(7, now.atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
            long id;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            byId.put(id, new Contact(id, ContactKind.PERSON, first, last, null,
                    phone == null ? List.of() : List.of(new Phone(phone, Phone.PhoneType.MOBILE)), List.of(),
                    new PostalAddress(null, null, null, state, zip, "US"), "test", null, ContactStatus.NEW, Set.of(),
                    Map.of(), now, now, 0, Normalized.NONE));
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Contact get(Actor actor, long id) {
        Contact c = byId.get(id);
        if (c == null) {
            throw new NotFoundException("contact", id);
        }
        return c;
    }

    @Override
    public Contact create(Actor actor, ContactDraft draft) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Contact> createAll(Actor actor, List<ContactDraft> drafts) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ContactDraft validate(Actor actor, ContactDraft draft) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<org.evergreencrm.api.contact.DraftDuplicates> duplicatesOfAll(Actor actor, List<ContactDraft> drafts) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Contact update(Actor actor, long id, ContactDraft draft, Long expectedVersion) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delete(Actor actor, long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<Contact> search(Actor actor, ContactQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<DuplicateMatch> duplicatesOf(Actor actor, ContactDraft draft, Long excludeId) {
        return List.of();
    }

    @Override
    public java.util.Set<Long> readable(Actor actor, java.util.Collection<Long> contactIds) {
        return contactIds.stream().filter(byId::containsKey).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public Contact getForChange(Actor actor, long contactId) {
        return get(actor, contactId);
    }

    @Override
    public void checkRead(Actor actor, long contactId) {
        get(actor, contactId);
    }

    /** Test contacts are unowned: every rep may claim them (the claim rule), admins anything. */
    @Override
    public java.util.Set<Long> visibleOwners(Actor actor) {
        return actor.isAdmin() ? null : java.util.Set.of(actor.userId());
    }

    @Override
    public long count() {
        return byId.size();
    }
}
