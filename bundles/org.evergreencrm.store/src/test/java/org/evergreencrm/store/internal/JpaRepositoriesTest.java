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
import org.evergreencrm.api.dedup.CandidatePair;
import org.evergreencrm.api.dedup.MatchData;
import org.evergreencrm.api.dedup.MergeRecord;
import org.evergreencrm.api.dedup.Normalized;
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
            JpaContactRepository contacts = new JpaContactRepository(new Tx(emf), db.dataSource());
            User rep = users.insert(new UserDraft("rita", "Rita Rep", null, Role.REP, null, true, null), "hash", T0);

            Contact a = contacts.insert(draft("Ann", "Archer", rep.id(), "(813) 555-0101", "solar"),
                    new MatchData(Set.of("p:+18135550101", "fz:ARXR:33602"), new Normalized(List.of("+18135550101"),
                            List.of("ann@example.com"), "ann", "archer", "12 OAK ST", "33602")), T0);
            Contact b = contacts.insert(draft("Bob", "Baker", null, "+1 813 555 0202", "roofing"), keys(Set.of()), T0.plusSeconds(60));
            Contact c = contacts.insert(draft("Cal", "Archer", rep.id(), "813-555-0303", "solar", "vip"),
                    keys(Set.of("fz:ARXR:33602")), T0.plusSeconds(120));
            assertEquals(Set.of(a.id(), c.id()), Set.copyOf(candidateIds(contacts.findMatchCandidates(Set.of("fz:ARXR:33602", "e:none"), 10))));
            assertEquals(List.of(), contacts.findMatchCandidates(Set.of(), 10));
            assertEquals(List.of(), contacts.findMatchCandidates(Set.of("e:o'brien@example.com", "x') OR ('1'='1"), 10),
                    "keys are data, never SQL");
            List<org.evergreencrm.api.store.MatchCandidate> scanned = new java.util.ArrayList<>();
            assertEquals(3, contacts.scanPersons(scanned::add));
            assertEquals(List.of(a.id(), b.id(), c.id()), candidateIds(scanned));
            assertEquals(List.of("(813) 555-0101"), scanned.get(0).person().phones());
            org.evergreencrm.api.dedup.PersonRecord person = contacts.findMatchCandidates(Set.of("fz:ARXR:33602"), 10).stream()
                    .filter(m -> m.id() == a.id()).findFirst().orElseThrow().person();
            assertEquals("Ann", person.givenName());
            assertEquals("Archer", person.familyName());
            assertEquals(List.of("(813) 555-0101"), person.phones());

            Contact readA = contacts.find(a.id()).orElseThrow();
            assertEquals("Ann", readA.firstName());
            assertEquals("(813) 555-0101", readA.phones().get(0).number());
            assertEquals(17, readA.customFields().get("roofAge"));
            assertEquals(List.of("+18135550101"), readA.normalized().phones());
            assertEquals("12 OAK ST", readA.normalized().deliveryLine());
            assertEquals(Normalized.NONE, contacts.find(b.id()).orElseThrow().normalized());
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
                    keys(Set.of("p:+18135550101")), a.version(), T0.plusSeconds(300));
            assertEquals(List.of(c.id()), candidateIds(contacts.findMatchCandidates(Set.of("fz:ARXR:33602"), 10)));
            assertEquals("Anne", updated.firstName());
            assertTrue(updated.version() > a.version());
            assertEquals(Set.of(), updated.tags());
            assertThrows(ConflictException.class,
                    () -> contacts.update(a.id(), draft("Old", "Write", null, "1"), keys(Set.of()), a.version(), T0));

            java.util.Map<Long, Long> owners = contacts.ownersOf(List.of(a.id(), b.id(), 999_999L));
            assertEquals(2, owners.size(), "unknown ids are absent");
            assertEquals(rep.id(), owners.get(a.id()));
            assertTrue(owners.containsKey(b.id()) && owners.get(b.id()) == null, "unowned maps to null");

            assertTrue(contacts.softDelete(b.id(), T0.plusSeconds(400)).isPresent());
            assertTrue(contacts.softDelete(c.id(), T0.plusSeconds(400)).isPresent());
            assertFalse(contacts.ownersOf(List.of(b.id())).containsKey(b.id()), "deleted contacts are absent");
            assertEquals(List.of(), contacts.findMatchCandidates(Set.of("fz:ARXR:33602"), 10));
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
    void reviewQueueAndAtomicMergeWithUndo(TestDatabases.Db db) {
        EntityManagerFactory emf = TestDatabases.migratedUnit(db.dataSource());
        try {
            JpaContactRepository contacts = new JpaContactRepository(new Tx(emf), db.dataSource());
            JpaDedupRepository dedup = new JpaDedupRepository(new Tx(emf), db.dataSource());
            Contact a = contacts.insert(draft("Ann", "Archer", null, "(813) 555-0101", "solar"), keys(Set.of("k1")), T0);
            Contact b = contacts.insert(draft("Anne", "Archer", null, "813 555 0101", "roofing"), keys(Set.of("k1")), T0);
            Contact c = contacts.insert(draft("Cal", "Cole", null, "813 555 0999"), keys(Set.of("k2")), T0);

            // offering: new pairs PENDING, re-offer updates, rejected pairs stay rejected
            assertEquals(2, dedup.offer(List.of(pair(b.id(), a.id(), 0.97), pair(a.id(), c.id(), 0.85)), T0));
            assertEquals(0, dedup.offer(List.of(pair(a.id(), b.id(), 0.99)), T0));
            assertEquals(List.of(0.99, 0.85), dedup.pending(10).stream().map(CandidatePair::probability).toList());
            dedup.decide(c.id(), a.id(), CandidatePair.REJECTED, "maria", T0);
            assertEquals(0, dedup.offer(List.of(pair(a.id(), c.id(), 0.99)), T0));
            assertEquals(1, dedup.pending(10).size());
            assertEquals(Set.of(c.id()), dedup.rejectedPartners(a.id()));
            assertEquals(Set.of(a.id()), dedup.rejectedPartners(c.id()));
            assertEquals(Set.of(), dedup.rejectedPartners(b.id()));

            // merge: survivor updated, loser gone, audit written, pair MERGED — all or nothing
            ContactDraft merged = draft("Ann", "Archer", null, "(813) 555-0101", "solar", "roofing");
            MergeRecord audit = dedup.applyMerge(new MergeRecord(0, a.id(), b.id(), 0.99, "{\"s\":1}", "{\"l\":1}", "{}",
                    "{}", "maria", T0.plusSeconds(10), null, null), merged, keys(Set.of("k1", "k3")), a.version(), b.version());
            assertEquals(Set.of("roofing", "solar"), contacts.find(a.id()).orElseThrow().tags());
            assertFalse(contacts.find(b.id()).isPresent());
            assertTrue(dedup.pending(10).isEmpty());
            assertEquals(audit, dedup.merge(audit.id()).orElseThrow());
            assertEquals(List.of(a.id()), candidateIds(contacts.findMatchCandidates(Set.of("k3"), 10)));
            // a stale version refuses the merge and changes nothing
            assertThrows(ConflictException.class, () -> dedup.applyMerge(new MergeRecord(0, a.id(), c.id(), null, "{}", "{}",
                    "{}", "{}", "maria", T0, null, null), merged, keys(Set.of()), a.version(), c.version()));
            assertTrue(contacts.find(c.id()).isPresent());

            // undo: both back, the merge marked undone, and it cannot be undone twice
            dedup.applyUndo(audit.id(), draft("Ann", "Archer", null, "(813) 555-0101", "solar"), keys(Set.of("k1")),
                    draft("Anne", "Archer", null, "813 555 0101", "roofing"), keys(Set.of("k1")), "maria", T0.plusSeconds(20));
            assertEquals(Set.of("solar"), contacts.find(a.id()).orElseThrow().tags());
            assertEquals("Anne", contacts.find(b.id()).orElseThrow().firstName());
            assertEquals("maria", dedup.merge(audit.id()).orElseThrow().undoneBy());
            assertThrows(ConflictException.class, () -> dedup.applyUndo(audit.id(), merged, keys(Set.of()), merged, keys(Set.of()), "x", T0));
        } finally {
            emf.close();
        }
    }

    private static MatchData keys(Set<String> keys) {
        return new MatchData(keys, Normalized.NONE);
    }

    private static CandidatePair pair(long a, long b, double p) {
        return new CandidatePair(0, a, b, p, "[]", CandidatePair.PENDING, null, null, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void migrationsAreRecordedAndIdempotent(TestDatabases.Db db) {
        TestDatabases.migrated(db.dataSource());
        TestDatabases.migrated(db.dataSource());
        SchemaMigrator migrator = new SchemaMigrator(db.dataSource(), getClass().getClassLoader());
        assertEquals(0, migrator.migrate(), "nothing new the second time");
        // a new database: the store's own change sets first, then each bundle's (compliance, queue, leads, scheduler, timeline)
        assertEquals(List.of("001-teams-and-users", "001-contacts", "002-contact-match-keys", "003-dedup-candidates",
                "003-contact-merges", "004-normalized-values", "007-dedup-jobs", "005-dnc-lists",
                "005-consent-records", "005-compliance-decisions", "005-merge-moves", "006-buckets", "006-queue-entries", "006-call-attempts",
                "006-queue-history", "030-callback-reminded", "008-leads", "009-lead-enrichment", "009-rep-availability",
                "009-lead-feed-state", "010-lead-score", "010-scheduled-tasks", "011-timeline-activities", "011-timeline-notes",
                "011-timeline-tasks", "013-dedup-run-pairs", "014-dedup-key-refresh", "address-001-zips",
                "address-001-contact-address", "enrichment-001-values", "enrichment-002-property-cache", "smartystreets-001-cache", "scoring-001-models", "scoring-002-training-jobs"), migrator.appliedChangeSets().stream()
                .filter(id -> !id.equals("009-lead-referrer-partial-index") && !id.equals("012-task-data-bytea")).toList());
        assertEquals(db.name().equals("PostgreSQL"), migrator.appliedChangeSets().contains("009-lead-referrer-partial-index"),
                "the partial index exists on PostgreSQL only");
        assertEquals(db.name().equals("PostgreSQL"), migrator.appliedChangeSets().contains("012-task-data-bytea"));
    }

    private static ContactQuery q(String text, String tag, Long owner) {
        return new ContactQuery(text, owner, null, tag, null, null, null, 0);
    }

    private static List<Long> ids(List<Contact> contacts) {
        return contacts.stream().map(Contact::id).toList();
    }

    private static List<Long> candidateIds(List<org.evergreencrm.api.store.MatchCandidate> candidates) {
        return candidates.stream().map(org.evergreencrm.api.store.MatchCandidate::id).toList();
    }
}
