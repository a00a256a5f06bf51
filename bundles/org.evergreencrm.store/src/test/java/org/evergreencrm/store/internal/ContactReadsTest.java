package org.evergreencrm.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactKind;
import org.evergreencrm.api.contact.ContactQuery;
import org.evergreencrm.api.contact.ContactStatus;
import org.evergreencrm.api.contact.Email;
import org.evergreencrm.api.contact.Phone;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.dedup.Normalized;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.security.UserDraft;
import org.evergreencrm.api.store.ContactScope;
import org.evergreencrm.api.dedup.MatchData;
import org.evergreencrm.store.internal.entity.ContactEntity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plain-SQL read path gives exactly the records the JPA mapping gives, for contacts of every shape (no phones,
 * several of each, households, custom fields, foreign addresses, unowned, bulk-inserted with sub-millisecond times),
 * and the contact list filters and pages as before: scope, owner, status, tag, created range, words, keyset.
 */
class ContactReadsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

    static java.util.stream.Stream<TestDatabases.Db> databases() {
        return TestDatabases.all();
    }

    private static List<ContactDraft> drafts(long rep1, long rep2) {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("roofAge", 17);
        custom.put("hoa", true);
        custom.put("notes", "pool, \"big\" dog");
        return List.of(
                new ContactDraft(ContactKind.PERSON, "Ann", "Archer", null, List.of(new Phone("(813) 555-0101", Phone.PhoneType.MOBILE),
                        new Phone("813-555-0199", Phone.PhoneType.HOME)), List.of(new Email("ann@example.com", Email.EmailType.PERSONAL),
                        new Email("Ann.Archer@Work.example", Email.EmailType.WORK)), new PostalAddress("12 Oak St", "Apt 4", "Tampa", "FL",
                        "33602", "US"), "web", rep1, ContactStatus.NEW, Set.of("solar", "vip"), custom),
                new ContactDraft(ContactKind.PERSON, null, "Ōtsuka", null, List.of(), List.of(), null, null, null, ContactStatus.QUALIFIED,
                        Set.of(), Map.of()),
                new ContactDraft(ContactKind.HOUSEHOLD, null, null, "The Müller-Lüdenscheidts", List.of(new Phone("+49 30 1234567",
                        Phone.PhoneType.HOME)), List.of(), new PostalAddress("Hauptstraße 5", null, "Berlin", null, "10115", "DE"),
                        "referral", rep2, ContactStatus.NEW, Set.of("roofing"), Map.of()),
                new ContactDraft(ContactKind.PERSON, "José", "O'Brien", null, List.of(new Phone("8135550303", Phone.PhoneType.WORK)),
                        List.of(new Email("jose@example.org", Email.EmailType.OTHER)), new PostalAddress(null, null, null, "FL", null, null),
                        "web", rep1, ContactStatus.UNQUALIFIED, Set.of("solar"), Map.of("score", 0.25)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void readsGiveTheSameRecordsAsTheJpaMappingAndListsFilterAsBefore(TestDatabases.Db db) throws Exception {
        EntityManagerFactory emf = TestDatabases.migratedUnit(db.dataSource());
        try {
            JpaContactRepository contacts = new JpaContactRepository(new Tx(emf), db.dataSource());
            JpaUserRepository users = new JpaUserRepository(new Tx(emf));
            long rep1 = users.insert(new UserDraft("rita", "Rita Rep", null, Role.REP, null, true, null), "hash", T0).id();
            long rep2 = users.insert(new UserDraft("ron", "Ron Rep", null, Role.REP, null, true, null), "hash", T0).id();
            List<Contact> written = new ArrayList<>();
            List<ContactDraft> drafts = drafts(rep1, rep2);
            for (int i = 0; i < drafts.size(); i++) {
                written.add(contacts.insert(drafts.get(i), new MatchData(Set.of(), i == 0 ? new Normalized(List.of("+18135550101",
                        "+18135550199"), List.of("ann@example.com", "ann.archer@work.example"), "ann", "archer", "12 OAK ST APT 4", "33602")
                        : Normalized.NONE), T0.plusSeconds(i)));
            }
            // and two bulk-inserted ones (plain JDBC writes, microsecond times)
            written.addAll(contacts.insertAll(List.of(drafts.get(0), drafts.get(3)), List.of(new MatchData(Set.of(), Normalized.NONE),
                    new MatchData(Set.of(), Normalized.NONE)), T0.plusMillis(10_000).plusNanos(456_789)));
            for (Contact w : written) {
                Contact viaJpa = jpa(emf, w.id());
                Contact viaSql = contacts.find(w.id()).orElseThrow();
                assertEquals(viaJpa, viaSql, "contact " + w.id() + " reads back the same");
            }

            ContactScope all = ContactScope.everything();
            List<Contact> page1 = contacts.search(query(null, null, null, null, 2), all, null, 2);
            assertEquals(3, page1.size(), "limit + 1 rows: the extra one says there is a next page");
            assertEquals(List.of(written.get(5).id(), written.get(4).id(), written.get(3).id()), ids(page1));
            assertEquals(List.of(written.get(2).id(), written.get(1).id(), written.get(0).id()),
                    ids(contacts.search(query(null, null, null, null, 50), all, written.get(3).id(), 50)));
            assertEquals(Set.of(written.get(0).id(), written.get(3).id(), written.get(4).id(), written.get(5).id()),
                    Set.copyOf(ids(contacts.search(query(null, null, null, null, 50), new ContactScope(Set.of(rep1)), null, 50))));
            assertEquals(List.of(), contacts.search(query(null, null, null, null, 50), new ContactScope(Set.of()), null, 50));
            assertEquals(Set.of(written.get(2).id()), Set.copyOf(ids(contacts.search(query(null, rep2, null, null, 50), all, null, 50))));
            assertEquals(Set.of(written.get(3).id(), written.get(5).id()),
                    Set.copyOf(ids(contacts.search(query(null, null, ContactStatus.UNQUALIFIED, null, 50), all, null, 50))));
            assertEquals(Set.of(written.get(0).id(), written.get(3).id(), written.get(4).id(), written.get(5).id()),
                    Set.copyOf(ids(contacts.search(query(null, null, null, "solar", 50), all, null, 50))));
            assertEquals(Set.of(written.get(3).id(), written.get(5).id()), Set.copyOf(ids(contacts.search(
                    new ContactQuery("o'brien", null, null, null, null, null, null, 50), all, null, 50))), "a quote is data");
            assertEquals(Set.of(written.get(0).id(), written.get(4).id()), Set.copyOf(ids(contacts.search(
                    new ContactQuery("ann 555-0101", null, null, null, null, null, null, 50), all, null, 50))), "words AND, phones by digits");
            assertEquals(List.of(), contacts.search(new ContactQuery("100%_", null, null, null, null, null, null, 50), all, null, 50),
                    "LIKE wildcards in the words are literal");
            assertEquals(Set.of(written.get(1).id(), written.get(2).id()), Set.copyOf(ids(contacts.search(new ContactQuery(null, null, null,
                    null, T0.plusSeconds(1), T0.plusSeconds(3), null, 50), all, null, 50))), "created range: from inclusive, to exclusive");
            Set<Long> seen = new HashSet<>();
            contacts.search(query(null, null, null, null, 50), all, null, 50).forEach(c -> assertTrue(seen.add(c.id())));
            try (Connection c = db.dataSource().getConnection()) {
                assertTrue(ContactReads.find(c, -1).isEmpty());
            }
            contacts.softDelete(written.get(0).id(), T0.plusSeconds(99));
            assertTrue(contacts.find(written.get(0).id()).isEmpty(), "deleted contacts are not read");
            assertTrue(ids(contacts.search(query(null, null, null, null, 50), all, null, 50)).stream().noneMatch(id -> id == written.get(0).id()));
        } finally {
            emf.close();
        }
    }

    private static Contact jpa(EntityManagerFactory emf, long id) {
        EntityManager em = emf.createEntityManager();
        try {
            return ContactMapper.toRecord(em.find(ContactEntity.class, id));
        } finally {
            em.close();
        }
    }

    private static ContactQuery query(String text, Long owner, ContactStatus status, String tag, int limit) {
        return new ContactQuery(text, owner, status, tag, null, null, null, limit);
    }

    private static List<Long> ids(List<Contact> contacts) {
        return contacts.stream().map(Contact::id).toList();
    }
}
