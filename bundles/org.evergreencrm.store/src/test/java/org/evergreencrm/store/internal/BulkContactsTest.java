package org.evergreencrm.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactKind;
import org.evergreencrm.api.contact.ContactStatus;
import org.evergreencrm.api.contact.Email;
import org.evergreencrm.api.contact.Phone;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.dedup.MatchData;
import org.evergreencrm.api.dedup.Normalized;
import org.evergreencrm.api.store.MatchCandidate;
import org.evergreencrm.store.jdbc.Jdbc;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bulk contact path (lead intake): the rows it writes read back exactly like the JPA path's, it joins the
 * caller's transaction (a rollback takes the contacts with it, events wait for the commit), and the batch duplicate
 * lookup answers per record what the single lookup would.
 */
class BulkContactsTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00.123456Z");

    static java.util.stream.Stream<TestDatabases.Db> databases() {
        return TestDatabases.all();
    }

    private static ContactDraft draft(String first, String last, String phone, String... tags) {
        return new ContactDraft(ContactKind.PERSON, first, last, null, List.of(new Phone(phone, Phone.PhoneType.MOBILE)),
                List.of(new Email(first.toLowerCase() + "@example.com", Email.EmailType.PERSONAL)),
                new PostalAddress("12 Oak St", null, "Tampa", "FL", "33602", "US"), "file-drop", null, ContactStatus.NEW,
                Set.of(tags), Map.of("roofAge", 17, "utility", "TECO"));
    }

    private static MatchData data(String phoneKey, String e164, String... keys) {
        Set<String> all = new java.util.HashSet<>(Set.of(keys));
        all.add(phoneKey);
        return new MatchData(all, new Normalized(List.of(e164), List.of("x@example.com"), "ann", "archer", "12 OAK ST", "33602"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void bulkRowsReadBackLikeTheJpaOnesAndJoinTheCallersTransaction(TestDatabases.Db db) throws Exception {
        EntityManagerFactory emf = TestDatabases.migratedUnit(db.dataSource());
        DataSource ds = db.dataSource();
        try {
            JpaContactRepository repo = new JpaContactRepository(new Tx(emf), ds);
            Contact single = repo.insert(draft("Ann", "Archer", "(813) 555-0101", "lead", "solar"),
                    data("p:+18135550101", "+18135550101", "fz:ARXR:33602"), T0);
            List<Contact> bulk = repo.insertAll(List.of(draft("Ann", "Archer", "(813) 555-0101", "lead", "solar"),
                    draft("Bob", "Baker", "(813) 555-0202", "lead")), List.of(data("p:+18135550101", "+18135550101", "fz:ARXR:33602"),
                            data("p:+18135550202", "+18135550202")), T0);
            assertEquals(2, bulk.size());
            Contact readBulk = repo.find(bulk.get(0).id()).orElseThrow();
            Contact readSingle = repo.find(single.id()).orElseThrow();
            assertEquals(strip(readSingle), strip(readBulk), "the same draft stored either way reads back the same");
            assertEquals(strip(readBulk), strip(bulk.get(0)), "what insertAll answers is what a read gives");
            assertEquals(readBulk.createdAt(), bulk.get(0).createdAt());
            assertEquals(1, readBulk.version());
            assertEquals(Set.of(single.id(), bulk.get(0).id()), ids(repo.findMatchCandidates(Set.of("fz:ARXR:33602"), 10)));

            // the batch lookup: per key set, the sharers (newest first); unknown and empty sets give nothing
            List<List<MatchCandidate>> found = repo.findMatchCandidatesAll(List.of(Set.of("p:+18135550101"), Set.of("p:+18135550202",
                    "nothing"), Set.of()), 10);
            assertEquals(List.of(bulk.get(0).id(), single.id()), found.get(0).stream().map(MatchCandidate::id).toList());
            assertEquals(List.of(bulk.get(1).id()), found.get(1).stream().map(MatchCandidate::id).toList());
            assertEquals(List.of(), found.get(2));
            assertEquals("Bob", found.get(1).get(0).person().givenName());
            assertEquals(List.of("(813) 555-0202"), found.get(1).get(0).person().phones());

            // a key shared by more than the cap is dropped (and remembered as common)
            List<ContactDraft> many = new ArrayList<>();
            List<MatchData> manyData = new ArrayList<>();
            for (int i = 0; i < JpaContactRepository.MAX_KEY_SHARE + 1; i++) {
                many.add(draft("P" + i, "Common", "(813) 555-" + String.format("%04d", 1000 + i)));
                manyData.add(data("p:+1813555" + (1000 + i), "+1813555" + (1000 + i), "gz:P:33602"));
            }
            repo.insertAll(many, manyData, T0);
            assertEquals(List.of(List.of()), repo.findMatchCandidatesAll(List.of(Set.of("gz:P:33602")), 10).stream()
                    .map(l -> l.stream().map(MatchCandidate::id).toList()).toList());

            // joined: rolled back with the caller's work; the after-commit action never runs
            long before = repo.count();
            AtomicInteger announced = new AtomicInteger();
            assertThrows(IllegalStateException.class, () -> Jdbc.inTransaction(ds, c -> {
                repo.insertAll(List.of(draft("Cat", "Rollback", "(813) 555-0303")), List.of(data("p:+18135550303", "+18135550303")), T0);
                Jdbc.afterCommit(announced::incrementAndGet);
                assertTrue(Jdbc.inTransaction(ds));
                throw new IllegalStateException("the caller's own write failed");
            }));
            assertEquals(before, repo.count(), "the contacts went with the caller's rollback");
            assertEquals(0, announced.get());
            Jdbc.inTransaction(ds, c -> {
                repo.insertAll(List.of(draft("Dan", "Commit", "(813) 555-0404")), List.of(data("p:+18135550404", "+18135550404")), T0);
                Jdbc.afterCommit(announced::incrementAndGet);
                assertEquals(0, announced.get(), "not before the commit");
                return null;
            });
            assertEquals(1, announced.get());
            assertEquals(before + 1, repo.count());
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM contact_match_key WHERE match_key = 'p:+18135550303'")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "no child row of the rolled-back contact is left");
            }
        } finally {
            emf.close();
        }
    }

    private static Set<Long> ids(List<MatchCandidate> m) {
        return Set.copyOf(m.stream().map(MatchCandidate::id).toList());
    }

    /** Everything but the id. */
    private static List<Object> strip(Contact c) {
        return java.util.Arrays.asList(c.kind(), c.firstName(), c.lastName(), c.householdName(), c.phones(), c.emails(), c.address(),
                c.source(), c.ownerId(), c.status(), c.tags(), c.customFields(), c.createdAt(), c.updatedAt(), c.version(), c.normalized());
    }
}
