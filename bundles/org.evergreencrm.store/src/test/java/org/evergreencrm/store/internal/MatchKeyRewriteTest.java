package org.evergreencrm.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactKind;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.dedup.MatchData;
import org.evergreencrm.api.dedup.Normalized;
import org.evergreencrm.api.store.MatchCandidate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Re-keying stored contacts: pages in id order with the second address line, keys replaced unless changed meanwhile. */
class MatchKeyRewriteTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    static java.util.stream.Stream<TestDatabases.Db> databases() {
        return TestDatabases.all();
    }

    private static ContactDraft draft(String last, String line2) {
        return new ContactDraft(ContactKind.PERSON, "Ann", last, null, List.of(), List.of(),
                new PostalAddress("12 Oak St", line2, "Tampa", "FL", "33602", "US"), "web", null, org.evergreencrm.api.contact.ContactStatus.NEW, Set.of(), Map.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void pagesAndReplacesKeys(TestDatabases.Db db) throws Exception {
        EntityManagerFactory emf = TestDatabases.migratedUnit(db.dataSource());
        try {
            JpaContactRepository contacts = new JpaContactRepository(new Tx(emf), db.dataSource());
            Contact a = contacts.insert(draft("Aa", "Apt 4"), new MatchData(Set.of("old:a"), Normalized.NONE), T0);
            Contact b = contacts.insert(draft("Bb", null), new MatchData(Set.of("old:b", "same:b"), Normalized.NONE), T0);
            Contact c = contacts.insert(draft("Cc", null), new MatchData(Set.of("old:c"), Normalized.NONE), T0);
            Contact d = contacts.insert(draft("Dd", null), new MatchData(Set.of("keep:d"), Normalized.NONE), T0);

            List<MatchCandidate> first = contacts.personsAfter(0, 2);
            assertEquals(List.of(a.id(), b.id()), first.stream().map(MatchCandidate::id).toList());
            assertEquals("Apt 4", first.get(0).person().addressLine2(), "the second address line is read for comparison");
            assertEquals(List.of(c.id(), d.id()), contacts.personsAfter(b.id(), 10).stream().map(MatchCandidate::id).toList());

            // c was saved after the refresh began: its keys are current and stay; d already has these keys
            contacts.update(c.id(), draft("Cc", null), new MatchData(Set.of("new:c"), Normalized.NONE), null, T0.plusSeconds(120));
            Instant refreshStarted = T0.plusSeconds(60);
            int changed = contacts.replaceMatchKeys(Map.of(a.id(), Set.of("new:a1", "new:a2"), b.id(), Set.of("same:b"),
                    c.id(), Set.of("stale:c"), d.id(), Set.of("keep:d")), refreshStarted);
            assertEquals(2, changed);
            DataSource ds = db.dataSource();
            assertEquals(Set.of("new:a1", "new:a2"), keys(ds, a.id()));
            assertEquals(Set.of("same:b"), keys(ds, b.id()));
            assertEquals(Set.of("new:c"), keys(ds, c.id()));
            assertEquals(Set.of("keep:d"), keys(ds, d.id()));
            assertEquals(0, contacts.replaceMatchKeys(Map.of(), refreshStarted));
        } finally {
            emf.close();
        }
    }

    private static Set<String> keys(DataSource ds, long id) throws Exception {
        Set<String> out = new TreeSet<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT match_key FROM contact_match_key WHERE contact_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
