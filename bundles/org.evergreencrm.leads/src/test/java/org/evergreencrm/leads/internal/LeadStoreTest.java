package org.evergreencrm.leads.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.evergreencrm.api.lead.DeadLetter;
import org.evergreencrm.api.lead.FeedState;
import org.evergreencrm.api.lead.GeoPoint;
import org.evergreencrm.api.lead.Lead;
import org.evergreencrm.api.lead.LeadScore;
import org.evergreencrm.api.scoring.ScoreReason;
import org.evergreencrm.leads.internal.routing.RoutingStore;
import org.evergreencrm.store.internal.TestDatabases;
import org.evergreencrm.store.jdbc.Jdbc;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LeadStoreTest {
    static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");

    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.all();
    }

    static long contact(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO contact (kind, first_name, "
                + "status, search_text, created_at, updated_at, version) VALUES ('PERSON', 'Ann', 'NEW', 'ann', ?, ?, 0)", new String[] {"id"})) {
            ps.setObject(1, T0.atOffset(ZoneOffset.UTC));
            ps.setObject(2, T0.atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }

    static Lead lead(String id, long contact, Long assignee, Long referrer) {
        return new Lead(0, "web-form:demo", id, contact, false, assignee, assignee == null ? "none" : "round-robin", T0, T0,
                assignee == null ? null : T0, null, "a=" + id, referrer, null, null, null, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void leadsAreStoredInBulkOncePerSourceAndIdAndReadBack(TestDatabases.Db db) throws Exception {
        DataSource ds = TestDatabases.migrated(db.dataSource());
        LeadStore store = new LeadStore(ds);
        long contact = contact(ds);
        Lead scored = new Lead(0, "feed:acme", "a-1", contact, true, 5L, "territory FL", T0, T0.plusMillis(5), T0.plusMillis(5), null,
                "{\"x\":1}", null, 0.73, new GeoPoint(28.5383, -81.3792, "ZIP5", "zip-centroid"), "located at the centroid of ZIP 32801",
                new LeadScore(0.73, "A", "oracle 3", List.of(new ScoreReason("source", "referral", 1.19), new ScoreReason("distance_mi", "40.0", -0.6))));
        List<Lead> stored = Jdbc.inTransaction(ds, c -> LeadStore.insertAll(c, List.of(lead("s-1", contact, null, contact), scored)));
        assertEquals(2, stored.size());
        assertTrue(stored.get(1).id() > stored.get(0).id(), "ids in order");
        assertEquals(stored.get(1), store.find(stored.get(1).id()).orElseThrow(), "what the insert answers is what a read gives");
        assertEquals(0.73, store.find(stored.get(1).id()).orElseThrow().score());
        assertEquals(scored.scored(), store.find(stored.get(1).id()).orElseThrow().scored(), "priority, model and reasons kept");
        assertEquals(null, stored.get(0).scored());
        assertEquals(stored.get(0), store.findBySource("web-form:demo", "s-1").orElseThrow());
        assertEquals(Map.of("s-1", stored.get(0)), store.findBySource("web-form:demo", List.of("s-1", "s-404")));
        assertEquals(List.of(stored.get(0)), store.referredBy(contact));
        assertEquals(2, store.recent(10).size());

        // the same (source, id) again fails the whole insert: the caller's transaction writes nothing
        assertThrows(IllegalStateException.class, () -> Jdbc.inTransaction(ds,
                c -> LeadStore.insertAll(c, List.of(lead("s-2", contact, null, null), lead("s-1", contact, null, null)))));
        assertTrue(store.findBySource("web-form:demo", "s-2").isEmpty());

        // the SLA: an unattempted lead past the deadline is escalated once, with its new assignee and reason
        Lead assigned = Jdbc.inTransaction(ds, c -> LeadStore.insertAll(c, List.of(lead("s-3", contact, 5L, null)))).get(0);
        assertTrue(store.slaBreaches(T0.plusSeconds(600), 10).stream().anyMatch(l -> l.id() == assigned.id()));
        assertEquals(true, store.escalate(assigned.id(), 6L, "round-robin; SLA: reassigned", T0.plusSeconds(600)));
        assertEquals(false, store.escalate(assigned.id(), 7L, "again", T0.plusSeconds(700)), "only once");
        Lead escalated = store.find(assigned.id()).orElseThrow();
        assertEquals(6L, escalated.assignedTo());
        assertEquals("round-robin; SLA: reassigned", escalated.assignmentReason());
        assertEquals(T0.plusSeconds(600), escalated.assignedAt());
        assertTrue(store.slaBreaches(T0.plusSeconds(900), 10).stream().noneMatch(l -> l.id() == assigned.id()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void deadLettersRoundRobinTurnsAndFeedCursorsLiveInTheDatabase(TestDatabases.Db db) throws Exception {
        DataSource ds = TestDatabases.migrated(db.dataSource());
        DeadLetterStore dead = new DeadLetterStore(ds);
        List<DeadLetter> kept = dead.insertAll(List.of(new DeadLetterStore.Failed("web-form:demo", "bad", "x=1", "lastName: required",
                "OPEN", T0), new DeadLetterStore.Failed(null, null, null, null, "OPEN", null)), T0);
        assertEquals("(none)", kept.get(1).source(), "even a lead without a source is kept");
        assertEquals(T0, kept.get(1).receivedAt());
        DeadLetter d = kept.get(0);
        dead.replayed(d.id(), null, "still bad", T0.plusSeconds(60));
        DeadLetter after = dead.byId(d.id()).orElseThrow();
        assertEquals(2, after.attempts());
        assertEquals("OPEN", after.status());
        assertEquals("still bad", after.error());
        dead.replayed(d.id(), 42L, null, T0.plusSeconds(120));
        assertEquals("REPLAYED", dead.byId(d.id()).orElseThrow().status());
        assertEquals(1, dead.list(true, 10).size());

        RoutingStore routing = new RoutingStore(ds);
        assertEquals(0, routing.reserve("rr", 3), "turns 0..2");
        assertEquals(3, new RoutingStore(ds).reserve("rr", 2), "the position is in the database, not in memory: 3..4");
        assertEquals(5, routing.reserve("rr", 1));

        FeedStates feeds = new FeedStates(ds);
        assertTrue(feeds.get("feed:acme").isEmpty());
        feeds.failed("feed:acme", "HTTP 503", T0);
        feeds.succeeded("feed:acme", "c-10", T0.plusSeconds(60));
        feeds.succeeded("feed:acme", null, T0.plusSeconds(120)); // an empty page keeps the cursor
        FeedState s = feeds.get("feed:acme").orElseThrow();
        assertEquals("c-10", s.cursor());
        assertEquals(3, s.polls());
        assertEquals(1, s.failures());
        assertNull(s.lastError());
        assertEquals(T0.plusSeconds(120), s.lastSuccessAt());
        assertEquals(List.of(s), feeds.all());
    }
}
