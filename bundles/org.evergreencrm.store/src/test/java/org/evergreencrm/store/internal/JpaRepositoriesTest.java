package org.evergreencrm.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManagerFactory;

import org.evergreencrm.api.ConflictException;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactKind;
import org.evergreencrm.api.contact.ContactQuery;
import org.evergreencrm.api.contact.ContactStatus;
import org.evergreencrm.api.contact.Email;
import org.evergreencrm.api.contact.Phone;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserDraft;
import org.evergreencrm.api.store.ContactScope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The repositories against a real, migrated database: H2 always, PostgreSQL when configured. */
class JpaRepositoriesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    static java.util.stream.Stream<TestDatabases.Db> databases() {
        return TestDatabases.all();
    }

    private static ContactDraft draft(String first, String last, Long owner, String phone, String... tags) {
        return new ContactDraft(ContactKind.PERSON, first, last, null,
                List.of(new Phone(phone, Phone.PhoneType.MOBILE)),
                List.of(new Email(first.toLowerCase() + "@example.com", Email.EmailType.PERSONAL)),
                new PostalAddress("12 Oak St", null, "Tampa", "FL", "33602", "US"), "web", owner,
                ContactStatus.NEW, Set.of(tags), Map.of("roofAge", 17, "hoa", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void contactRoundTripSearchAndSoftDelete(TestDatabases.Db db) {
        EntityManagerFactory emf = TestDatabases.migratedUnit(db.dataSource());
        try {
            JpaUserRepository users = new JpaUserRepository(new Tx(emf));
            JpaContactRepository contacts = new JpaContactRepository(new Tx(emf));
            User rep = users.insert(new UserDraft("rita", "Rita Rep", null, Role.REP, null, true, null), "hash", T0);

            Contact a = contacts.insert(draft("Ann", "Archer", rep.id(), "(813) 555-0101", "solar"),
                    Set.of("p:+18135550101", "fz:ARXR:33602"), T0);
            Contact b = contacts.insert(draft("Bob", "Baker", null, "+1 813 555 0202", "roofing"), Set.of(), T0.plusSeconds(60));
            Contact c = contacts.insert(draft("Cal", "Archer", rep.id(), "813-555-0303", "solar", "vip"),
                    Set.of("fz:ARXR:33602"), T0.plusSeconds(120));
            assertEquals(Set.of(a.id(), c.id()), Set.copyOf(ids(contacts.findByMatchKeys(Set.of("fz:ARXR:33602", "e:none"), 10))));
            assertEquals(List.of(), contacts.findByMatchKeys(Set.of(), 10));

            Contact readA = contacts.find(a.id()).orElseThrow();
            assertEquals("Ann", readA.firstName());
            assertEquals("(813) 555-0101", readA.phones().get(0).number());
            assertEquals(17, readA.customFields().get("roofAge"));
            assertEquals(T0, readA.createdAt().truncatedTo(ChronoUnit.SECONDS));

            ContactScope all = ContactScope.everything();
            assertEquals(List.of(c.id(), b.id(), a.id()), ids(contacts.search(ContactQuery.all(), all, null, 10)));
            assertEquals(List.of(c.id(), a.id()), ids(contacts.search(q("archer", null, null), all, null, 10)));
            assertEquals(List.of(b.id()), ids(contacts.search(q("555-0202", null, null), all, null, 10)));
            assertEquals(List.of(c.id()), ids(contacts.search(q(null, "vip", null), all, null, 10)));
            assertEquals(List.of(c.id(), a.id()), ids(contacts.search(q(null, null, rep.id()), all, null, 10)));
            // keyset: after c, one per page (+1 look-ahead row)
            assertEquals(List.of(b.id(), a.id()), ids(contacts.search(ContactQuery.all(), all, c.id(), 1)));
            assertEquals(List.of(c.id(), a.id()), ids(contacts.search(ContactQuery.all(), new ContactScope(Set.of(rep.id())), null, 10)));
            assertEquals(List.of(), contacts.search(ContactQuery.all(), new ContactScope(Set.of()), null, 10));
            ContactQuery range = new ContactQuery(null, null, null, null, T0.plusSeconds(30), T0.plusSeconds(90), null, 0);
            assertEquals(List.of(b.id()), ids(contacts.search(range, all, null, 10)));
            assertEquals(List.of(), contacts.search(q("100%_", null, null), all, null, 10));

            Contact updated = contacts.update(a.id(), draft("Anne", "Archer", rep.id(), "8135550101"),
                    Set.of("p:+18135550101"), a.version(), T0.plusSeconds(300));
            assertEquals(List.of(c.id()), ids(contacts.findByMatchKeys(Set.of("fz:ARXR:33602"), 10)));
            assertEquals("Anne", updated.firstName());
            assertTrue(updated.version() > a.version());
            assertEquals(Set.of(), updated.tags());
            assertThrows(ConflictException.class,
                    () -> contacts.update(a.id(), draft("Old", "Write", null, "1"), Set.of(), a.version(), T0));

            assertTrue(contacts.softDelete(b.id(), T0.plusSeconds(400)).isPresent());
            assertTrue(contacts.softDelete(c.id(), T0.plusSeconds(400)).isPresent());
            assertEquals(List.of(), contacts.findByMatchKeys(Set.of("fz:ARXR:33602"), 10));
            assertFalse(contacts.find(b.id()).isPresent());
            assertFalse(contacts.softDelete(b.id(), T0.plusSeconds(500)).isPresent());
            assertEquals(1, contacts.count());
        } finally {
            emf.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void usernamesAreUniqueAndAFailedWriteLeavesNothing(TestDatabases.Db db) {
        EntityManagerFactory emf = TestDatabases.migratedUnit(db.dataSource());
        try {
            JpaUserRepository users = new JpaUserRepository(new Tx(emf));
            users.insert(new UserDraft("maria", "Maria", null, Role.MANAGER, null, true, null), "h1", T0);
            assertThrows(ConflictException.class,
                    () -> users.insert(new UserDraft("maria", "Other", null, Role.REP, null, true, null), "h2", T0));
            assertEquals(1, users.count());
            assertEquals("h1", users.activePasswordHash("maria").orElseThrow());
        } finally {
            emf.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void migrationsAreRecordedAndIdempotent(TestDatabases.Db db) {
        SchemaMigrator migrator = new SchemaMigrator(db.dataSource(), getClass().getClassLoader());
        migrator.migrate();
        migrator.migrate();
        assertEquals(List.of("001-teams-and-users", "001-contacts", "002-contact-match-keys", "003-dedup-candidates",
                "003-contact-merges"), migrator.appliedChangeSets());
    }

    private static ContactQuery q(String text, String tag, Long owner) {
        return new ContactQuery(text, owner, null, tag, null, null, null, 0);
    }

    private static List<Long> ids(List<Contact> contacts) {
        return contacts.stream().map(Contact::id).toList();
    }
}
