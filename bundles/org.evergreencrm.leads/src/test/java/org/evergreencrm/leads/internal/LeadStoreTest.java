package org.evergreencrm.leads.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.evergreencrm.api.lead.DeadLetter;
import org.evergreencrm.api.lead.Lead;
import org.evergreencrm.store.internal.TestDatabases;
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLeadIsStoredOncePerSourceAndIdAndRoundRobinSurvives(TestDatabases.Db db) throws Exception {
        DataSource ds = TestDatabases.migrated(db.dataSource());
        LeadStore store = new LeadStore(ds);
        long contact = contact(ds);
        Lead l = new Lead(0, "web-form:demo", "s-1", contact, false, null, "none", T0, T0, null, null, "a=1", contact);
        Lead first = store.insert(l);
        Lead second = store.insert(l);
        assertEquals(first.id(), second.id(), "a replayed lead answers the stored one");
        assertEquals(1, store.recent(10).size());
        assertEquals(first, store.findBySource("web-form:demo", "s-1").orElseThrow());
        assertEquals(java.util.List.of(first), store.referredBy(contact));
        // the SLA: an unattempted lead past the deadline is escalated once, with its new assignee and reason
        Lead assigned = store.insert(new Lead(0, "web-form:demo", "s-2", contact, false, 5L, "round-robin", T0, T0, T0, null, "a=2", null));
        assertEquals(java.util.List.of(assigned.id()), store.slaBreaches(T0.plusSeconds(600), 10).stream().map(Lead::id).toList());
        assertEquals(true, store.escalate(assigned.id(), 6L, "round-robin; SLA: reassigned", T0.plusSeconds(600)));
        assertEquals(false, store.escalate(assigned.id(), 7L, "again", T0.plusSeconds(700)), "only once");
        Lead escalated = store.find(assigned.id()).orElseThrow();
        assertEquals(6L, escalated.assignedTo());
        assertEquals("round-robin; SLA: reassigned", escalated.assignmentReason());
        assertEquals(T0.plusSeconds(600), escalated.assignedAt());
        assertEquals(java.util.List.of(), store.slaBreaches(T0.plusSeconds(900), 10));
        assertEquals(0, store.nextPosition("rr"));
        assertEquals(1, new LeadStore(ds).nextPosition("rr"), "the position is in the database, not in memory");
        DeadLetter d = store.deadLetter("web-form:demo", "bad", "x=1", "lastName: required", "OPEN", T0, T0);
        store.replayed(d.id(), null, "still bad", T0.plusSeconds(60));
        DeadLetter after = store.deadLetterById(d.id()).orElseThrow();
        assertEquals(2, after.attempts());
        assertEquals("OPEN", after.status());
        assertEquals("still bad", after.error());
        store.replayed(d.id(), first.id(), null, T0.plusSeconds(120));
        assertEquals("REPLAYED", store.deadLetterById(d.id()).orElseThrow().status());
        assertEquals(0, store.deadLetters(true, 10).size());
    }
}
