package org.evergreencrm.dedup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.evergreencrm.api.dedup.DedupJobs;
import org.evergreencrm.api.dedup.PersonRecord;
import org.evergreencrm.api.store.ContactRepository;
import org.evergreencrm.api.store.MatchCandidate;
import org.evergreencrm.store.internal.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stored contacts are brought to the current blocking keys in slices, resuming from the cursor in the database (as a
 * restarted node or another node would), and visited once per key version.
 */
class MatchKeyRefreshTest {
    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.all();
    }

    /** The contacts, and the keys written for each, as the store would hold them. */
    private static final class Store {
        final TreeMap<Long, PersonRecord> people = new TreeMap<>();
        final Map<Long, Set<String>> written = new TreeMap<>();
        int pages;

        ContactRepository repository() {
            return (ContactRepository) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ContactRepository.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "personsAfter" -> {
                            pages++;
                            List<MatchCandidate> page = new ArrayList<>();
                            for (Map.Entry<Long, PersonRecord> e : people.tailMap((Long) args[0], false).entrySet()) {
                                if (page.size() == (Integer) args[1]) {
                                    break;
                                }
                                page.add(new MatchCandidate(e.getKey(), null, e.getValue(), null));
                            }
                            yield page;
                        }
                        case "replaceMatchKeys" -> {
                            @SuppressWarnings("unchecked")
                            Map<Long, Set<String>> keys = (Map<Long, Set<String>>) args[0];
                            written.putAll(keys);
                            yield keys.size();
                        }
                        case "count" -> (long) people.size();
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void contactsAreReKeyedInSlicesAndOncePerVersion(TestDatabases.Db db) throws Exception {
        DataSource ds = TestDatabases.migrated(db.dataSource());
        try (var c = ds.getConnection(); var st = c.createStatement()) {
            st.executeUpdate("DELETE FROM dedup_key_refresh");
        }
        Store store = new Store();
        for (long id = 1; id <= 2_500; id++) {
            store.people.put(id, new PersonRecord(Long.toString(id), "Ann" + id, "Lee", null, id + " Park Lane", "Apt " + (id % 7),
                    "Orlando", "32821", "FL", null, List.of(), List.of()));
        }
        SwitchableAddressNormalizer addresses = new SwitchableAddressNormalizer();
        DuplicateDetectorImpl detector = new DuplicateDetectorImpl(addresses, "US", 0.8, 0.98);
        Clock clock = Clock.fixed(Instant.parse("2026-06-01T08:00:00Z"), ZoneOffset.UTC);
        MatchKeyRefresh refresh = new MatchKeyRefresh(store.repository(), detector, ds, clock);
        assertEquals("PENDING", refresh.status().state());

        // a zero budget: one page per slice, the cursor kept in the database between slices
        DedupJobs.KeyRefresh first = refresh.runFor(Duration.ZERO);
        assertEquals("RUNNING", first.state());
        assertEquals(MatchKeyRefresh.PAGE, first.seen());
        assertEquals(BlockingKeys.VERSION * 100, first.keyVersion(), "the keys' version and the basic address normalizer");
        DedupJobs.KeyRefresh second = new MatchKeyRefresh(store.repository(), detector, ds, clock).runFor(Duration.ZERO);
        assertEquals(2 * MatchKeyRefresh.PAGE, second.seen(), "another instance (a restarted node) goes on from the cursor");
        DedupJobs.KeyRefresh done = refresh.runFor(Duration.ofMinutes(1));
        assertEquals("DONE", done.state());
        assertEquals(2_500, done.seen());
        assertEquals(2_500, done.rekeyed());
        assertEquals(2_500, done.contacts());
        assertNotNull(done.finishedAt());
        assertEquals(2_500, store.written.size());
        assertTrue(store.written.get(17L).contains("sz:PARK LN:32821"), "the current keys: " + store.written.get(17L));
        assertEquals(detector.matchKeys(store.people.get(17L)), store.written.get(17L));

        int pages = store.pages;
        DedupJobs.KeyRefresh again = refresh.runFor(Duration.ofMinutes(1));
        assertEquals("DONE", again.state());
        assertEquals(pages, store.pages, "once per key version: a finished refresh reads nothing");

        // the address bundle's normalizer comes: another key version, every contact re-keyed with it
        detector.bindAddressNormalizer(new org.evergreencrm.api.dedup.AddressNormalizer() {
            public String deliveryLine(String number, String line) {
                return line == null ? null : ("" + (number == null ? "" : number + " ") + line).toUpperCase().replace("LANE", "LN").replace(" APT ", " # ");
            }

            public String postcode(String postcode) {
                return postcode;
            }
        });
        assertEquals("PENDING", refresh.status().state());
        DedupJobs.KeyRefresh usps = refresh.runFor(Duration.ofMinutes(1));
        assertEquals(BlockingKeys.VERSION * 100 + 1, usps.keyVersion());
        assertEquals(2_500, usps.seen());
        assertEquals(detector.matchKeys(store.people.get(17L)), store.written.get(17L));
        assertTrue(store.written.get(17L).contains("sz:PARK LN:32821"), "the unit is split off the '#' line too: " + store.written.get(17L));
    }
}
