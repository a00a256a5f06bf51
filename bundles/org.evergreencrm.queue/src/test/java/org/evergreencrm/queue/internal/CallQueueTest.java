package org.evergreencrm.queue.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.ConflictException;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.compliance.Channel;
import org.evergreencrm.api.compliance.ConsentDraft;
import org.evergreencrm.api.compliance.ConsentKind;
import org.evergreencrm.api.compliance.ConsentMethod;
import org.evergreencrm.api.queue.Bucket;
import org.evergreencrm.api.queue.BucketDraft;
import org.evergreencrm.api.queue.BucketStats;
import org.evergreencrm.api.queue.CallOutcome;
import org.evergreencrm.api.queue.Claim;
import org.evergreencrm.api.queue.ContactQueueState;
import org.evergreencrm.api.queue.OutcomeReport;
import org.evergreencrm.api.queue.OutcomeResult;
import org.evergreencrm.api.queue.QueueEntry;
import org.evergreencrm.api.queue.QueueOrder;
import org.evergreencrm.api.queue.Transition;
import org.evergreencrm.api.queue.Transition.Action;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.store.internal.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CallQueueTest {
    static final Actor ADMIN = Actor.system();
    static final Actor RICK = new Actor(101L, "rick", Role.REP, null);
    static final Actor RITA = new Actor(102L, "rita", Role.REP, null);

    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.all();
    }

    static Bucket bucket(QueueFixture f, String name, int weight, Transition... transitions) {
        return f.queue.createBucket(ADMIN, new BucketDraft(name, weight, QueueOrder.SCORE, 3, 5, null, List.of(transitions), null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void contactsFlowThroughBucketsByOutcome(TestDatabases.Db db) {
        QueueFixture f = new QueueFixture(db.dataSource());
        bucket(f, "nurture", 1);
        Bucket fresh = bucket(f, "fresh", 1, new Transition(CallOutcome.NO_ANSWER, Action.RETRY, null, Duration.ofHours(1), null),
                new Transition(CallOutcome.NOT_INTERESTED, Action.MOVE, "nurture", Duration.ofDays(30), null));
        long ann = f.contacts.add("Ann", "Archer", "(212) 555-0101", "NY", "10001");
        assertEquals(1, f.queue.enqueue(ADMIN, fresh.id(), List.of(ann), 10.0, false).added());

        Claim c1 = f.queue.next(RICK).orElseThrow();
        assertEquals(ann, c1.contactId());
        assertEquals("Ann Archer", c1.contactName());
        assertEquals("+12125550101", c1.phone());
        assertEquals(Optional.empty(), f.queue.next(RITA), "a claimed contact is nobody else's");
        OutcomeResult r1 = f.queue.record(RICK, c1.attemptId(), new OutcomeReport(CallOutcome.NO_ANSWER, null, null));
        assertEquals("RETRY", r1.action());
        assertEquals(QueueFixture.NOON_ET.plus(Duration.ofHours(1)), r1.dueAt());
        assertEquals(Optional.empty(), f.queue.next(RICK), "not due yet");
        assertThrows(ConflictException.class, () -> f.queue.record(RICK, c1.attemptId(), new OutcomeReport(CallOutcome.BUSY, null, null)));

        f.clock.advance(Duration.ofHours(1));
        Claim c2 = f.queue.next(RITA).orElseThrow();
        assertEquals(2, c2.attemptsTotal());
        assertThrows(AccessDeniedException.class, () -> f.queue.record(RICK, c2.attemptId(), new OutcomeReport(CallOutcome.BUSY, null, null)));
        OutcomeResult r2 = f.queue.record(RITA, c2.attemptId(), new OutcomeReport(CallOutcome.NOT_INTERESTED, null, "has solar"));
        assertEquals("MOVE", r2.action());
        assertEquals("nurture", r2.bucket());

        ContactQueueState s = f.queue.state(ADMIN, ann);
        assertEquals("nurture", s.entry().bucketName());
        assertEquals(2, s.entry().attemptsTotal());
        assertEquals(0, s.entry().attemptsInBucket());
        assertEquals(List.of("ENTERED", "OUTCOME", "MOVED"), s.history().stream().map(h -> h.event()).toList());
        assertEquals(List.of(CallOutcome.NO_ANSWER, CallOutcome.NOT_INTERESTED), s.attempts().stream().map(a -> a.outcome()).toList());
        assertEquals(2, s.decisions().size(), "each claim's compliance decision is on record");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRepClaimsOwnAndUnownedContactsOnlyAndSettlesOnlyOwnAttempts(TestDatabases.Db db) throws Exception {
        QueueFixture f = new QueueFixture(db.dataSource());
        Bucket b = bucket(f, "fresh", 1);
        long ritas = f.contacts.add("Rhea", "Ritas", "(212) 555-0111", "NY", "10001");
        long nobodys = f.contacts.add("Noel", "Nobody", "(212) 555-0112", "NY", "10001");
        long owner;
        try (java.sql.Connection c = f.ds.getConnection()) {
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO crm_user (username, display_name, role, active, "
                    + "password_hash, created_at, updated_at, version) VALUES (?, 'Rhea Owner', 'REP', TRUE, 'x', ?, ?, 0)",
                    new String[] {"id"})) {
                ps.setString(1, "owner" + System.nanoTime());
                ps.setObject(2, java.time.OffsetDateTime.now());
                ps.setObject(3, java.time.OffsetDateTime.now());
                ps.executeUpdate();
                try (java.sql.ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    owner = keys.getLong(1);
                }
            }
            try (java.sql.PreparedStatement ps = c.prepareStatement("UPDATE contact SET owner_id = ? WHERE id = ?")) {
                ps.setLong(1, owner);
                ps.setLong(2, ritas);
                ps.executeUpdate();
            }
        }
        Actor ownerRep = new Actor(owner, "rhea-owner", Role.REP, null);
        f.queue.enqueue(ADMIN, b.id(), List.of(ritas), 100.0, false);
        f.queue.enqueue(ADMIN, b.id(), List.of(nobodys), 1.0, false);
        Claim rick = f.queue.next(RICK).orElseThrow();
        assertEquals(nobodys, rick.contactId(), "rick skips the other rep's contact (ranked first) and takes the unowned one");
        assertEquals(Optional.empty(), f.queue.next(RICK), "nothing else rick may call");
        Claim rita = f.queue.next(ownerRep).orElseThrow();
        assertEquals(ritas, rita.contactId());
        AccessDeniedException notYours = assertThrows(AccessDeniedException.class,
                () -> f.queue.record(RICK, rita.attemptId(), new OutcomeReport(CallOutcome.BUSY, null, null)));
        assertTrue(!notYours.getMessage().contains("rhea"), "the refusal does not say whose attempt it is");
        Actor otherManager = new Actor(300L, "otto", Role.MANAGER, 9L);
        assertThrows(AccessDeniedException.class,
                () -> f.queue.record(otherManager, rita.attemptId(), new OutcomeReport(CallOutcome.BUSY, null, null)));
        f.queue.record(ADMIN, rita.attemptId(), new OutcomeReport(CallOutcome.BUSY, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void attemptLimitsFinishOrMoveToTheExhaustedBucket(TestDatabases.Db db) {
        QueueFixture f = new QueueFixture(db.dataSource());
        Bucket b = bucket(f, "fresh", 1, new Transition(CallOutcome.BUSY, Action.RETRY, null, Duration.ofMinutes(5), null));
        long id = f.contacts.add("Bo", "Busy", "212-555-0102", "NY", "10001");
        f.queue.enqueue(ADMIN, b.id(), List.of(id), null, false);
        OutcomeResult last = null;
        for (int i = 0; i < 3; i++) {
            Claim c = f.queue.next(RICK).orElseThrow();
            last = f.queue.record(RICK, c.attemptId(), new OutcomeReport(CallOutcome.BUSY, null, null));
            f.clock.advance(Duration.ofMinutes(5));
        }
        assertEquals("EXHAUSTED", last.finalState());
        assertEquals(QueueEntry.FINISHED, f.queue.state(ADMIN, id).entry().status());
        assertEquals(Optional.empty(), f.queue.next(RICK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void floridaContactIsNeverOfferedAt2030LocalAndTheReasonIsShown(TestDatabases.Db db) {
        QueueFixture f = new QueueFixture(db.dataSource());
        Bucket b = bucket(f, "fresh", 1);
        long tampa = f.contacts.add("Fay", "Florida", "(813) 555-0103", "FL", "33602");
        long nyc = f.contacts.add("Ned", "York", "(212) 555-0104", "NY", "10001");
        f.queue.enqueue(ADMIN, b.id(), List.of(tampa), 100.0, false);
        f.queue.enqueue(ADMIN, b.id(), List.of(nyc), 1.0, false);
        f.clock.set(LocalDateTime.parse("2026-11-18T20:30").atZone(ZoneId.of("America/New_York")).toInstant());
        Claim c = f.queue.next(RICK).orElseThrow();
        assertEquals(nyc, c.contactId(), "the higher-priority Florida contact is skipped at 20:30 its local time");
        assertEquals(Optional.empty(), f.queue.next(RICK));
        QueueEntry e = f.queue.state(ADMIN, tampa).entry();
        assertEquals("OUTSIDE_CALLING_HOURS", e.blockedCode());
        assertTrue(e.blockedReason().contains("20:30"), e.blockedReason());
        assertEquals(LocalDateTime.parse("2026-11-19T08:00").atZone(ZoneId.of("America/New_York")).toInstant(), e.dueAt());
        BucketStats stats = f.queue.stats().get(0);
        assertEquals(Map.of("OUTSIDE_CALLING_HOURS", 1L), stats.blockedBy());
        assertEquals(1, stats.claimed());
        f.clock.set(LocalDateTime.parse("2026-11-19T08:00").atZone(ZoneId.of("America/New_York")).toInstant());
        assertEquals(tampa, f.queue.next(RICK).orElseThrow().contactId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void dncNumbersAreNeverOfferedAndADoNotCallOutcomeIsHonoured(TestDatabases.Db db) {
        QueueFixture f = new QueueFixture(db.dataSource());
        Bucket b = bucket(f, "fresh", 1);
        long stop = f.contacts.add("Sam", "Stop", "212-555-0105", "NY", "10001");
        long ok = f.contacts.add("Olga", "Okay", "212-555-0106", "NY", "10001");
        f.compliance.record(ADMIN, new ConsentDraft(null, "212-555-0105", Channel.CALL, ConsentKind.REVOKE, ConsentMethod.TEXT_STOP,
                QueueFixture.NOON_ET.minusSeconds(60), null, null));
        f.queue.enqueue(ADMIN, b.id(), List.of(stop, ok), null, false);
        Claim c = f.queue.next(RICK).orElseThrow();
        assertEquals(ok, c.contactId());
        assertEquals("INTERNAL_DNC", f.queue.state(ADMIN, stop).entry().blockedCode());
        assertTrue(f.queue.state(ADMIN, stop).decisions().get(0).reasons().contains("TEXT_STOP"));

        OutcomeResult r = f.queue.record(RICK, c.attemptId(), new OutcomeReport(CallOutcome.DO_NOT_CALL, null, "asked to be removed"));
        assertEquals("DO_NOT_CALL", r.finalState());
        assertTrue(f.compliance.lookup(RICK, "212-555-0106").doNotCall(), "the request was recorded as an internal DNC");
        f.queue.enqueue(ADMIN, b.id(), List.of(ok), null, false);
        f.clock.advance(Duration.ofDays(2));
        assertEquals(Optional.empty(), f.queue.next(RICK));
        assertEquals("INTERNAL_DNC", f.queue.state(ADMIN, ok).entry().blockedCode());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void bucketWeightsAreHonouredOverTime(TestDatabases.Db db) {
        QueueFixture f = new QueueFixture(db.dataSource());
        Bucket a = bucket(f, "hot", 3);
        Bucket b = bucket(f, "cold", 1);
        List<Long> hot = new ArrayList<>();
        List<Long> cold = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            hot.add(f.contacts.add("H" + i, "Hot", String.format("212-555-%04d", 1000 + i), "NY", "10001"));
            cold.add(f.contacts.add("C" + i, "Cold", String.format("212-555-%04d", 2000 + i), "NY", "10001"));
        }
        f.queue.enqueue(ADMIN, a.id(), hot, null, false);
        f.queue.enqueue(ADMIN, b.id(), cold, null, false);
        Map<String, Integer> served = new HashMap<>();
        List<String> firstEight = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Claim c = f.queue.next(RICK).orElseThrow();
            served.merge(c.bucketName(), 1, Integer::sum);
            if (i < 8) {
                firstEight.add(c.bucketName());
            }
        }
        assertEquals(Map.of("hot", 30, "cold", 10), served);
        assertEquals(List.of("hot", "hot", "cold", "hot", "hot", "hot", "cold", "hot"), firstEight, "interleaved, not in runs");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anExpiredLeaseReturnsTheContactAndALateOutcomeDoesNotMoveIt(TestDatabases.Db db) {
        QueueFixture f = new QueueFixture(db.dataSource());
        Bucket b = bucket(f, "fresh", 1);
        long id = f.contacts.add("Lee", "Lease", "212-555-0107", "NY", "10001");
        f.queue.enqueue(ADMIN, b.id(), List.of(id), null, false);
        Claim c = f.queue.next(RICK).orElseThrow();
        assertEquals(0, f.queue.expireLeases(f.clock.instant().plus(Duration.ofMinutes(5))));
        f.clock.advance(Duration.ofMinutes(11));
        assertEquals(1, f.queue.expireLeases(f.clock.instant()));
        Claim again = f.queue.next(RITA).orElseThrow();
        assertEquals(id, again.contactId());
        OutcomeResult late = f.queue.record(RICK, c.attemptId(), new OutcomeReport(CallOutcome.APPOINTMENT_SET, null, null));
        assertEquals("RECORDED", late.action());
        assertEquals(QueueEntry.CLAIMED, f.queue.state(ADMIN, id).entry().status(), "Rita still holds it");
        assertEquals("APPOINTMENT_SET", f.queue.record(RITA, again.attemptId(), new OutcomeReport(CallOutcome.APPOINTMENT_SET, null, null)).finalState());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void callbacksComeBackAtTheirTimeToTheRepWhoSetThem(TestDatabases.Db db) {
        QueueFixture f = new QueueFixture(db.dataSource());
        Bucket b = bucket(f, "fresh", 1);
        long id = f.contacts.add("Cal", "Back", "212-555-0108", "NY", "10001");
        f.queue.enqueue(ADMIN, b.id(), List.of(id), null, false);
        Claim c = f.queue.next(RICK).orElseThrow();
        assertThrows(ValidationException.class, () -> f.queue.record(RICK, c.attemptId(), new OutcomeReport(CallOutcome.CALLBACK, null, null)));
        Instant at = f.clock.instant().plus(Duration.ofHours(3));
        assertEquals(at, f.queue.record(RICK, c.attemptId(), new OutcomeReport(CallOutcome.CALLBACK, at, "call after 3")).dueAt());
        List<Map<String, Object>> announced = new java.util.ArrayList<>();
        CallbackReminders reminders = new CallbackReminders(f.ds, announced::add, f.clock);
        assertEquals(0, reminders.remind(), "not due yet");
        f.clock.set(at);
        assertEquals(1, reminders.remind(), "due: the rep is told once");
        assertEquals(0, reminders.remind());
        assertEquals(id, announced.get(0).get(org.evergreencrm.api.queue.QueueEvents.CONTACT_ID));
        assertEquals(RICK.userId(), announced.get(0).get(org.evergreencrm.api.queue.QueueEvents.USER_ID));
        assertEquals(at.toEpochMilli(), announced.get(0).get(org.evergreencrm.api.queue.QueueEvents.UNTIL));
        assertEquals(Optional.empty(), f.queue.next(RITA), "reserved for Rick");
        Claim back = f.queue.next(RICK).orElseThrow();
        assertEquals(id, back.contactId());
        Instant later = at.plus(Duration.ofDays(1));
        f.queue.record(RICK, back.attemptId(), new OutcomeReport(CallOutcome.CALLBACK, later, "call tomorrow"));
        f.clock.set(later.plusSeconds(1));
        assertEquals(1, reminders.remind(), "a new callback is announced in its turn");
        assertEquals(2, announced.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void badBucketsAreRefusedWithEveryFieldAtFault(TestDatabases.Db db) {
        QueueFixture f = new QueueFixture(db.dataSource());
        ValidationException e = assertThrows(ValidationException.class, () -> f.queue.createBucket(ADMIN, new BucketDraft("",
                -1, null, 0, null, null, List.of(new Transition(CallOutcome.DO_NOT_CALL, Action.RETRY, null, null, null),
                        new Transition(CallOutcome.BUSY, Action.MOVE, "nowhere", null, null)), "missing", null)));
        assertEquals(List.of("name", "weight", "maxAttempts", "transitions[0].action", "transitions[1].toBucket", "exhaustedBucket"),
                e.errors().stream().map(x -> x.field()).toList());
        assertEquals(List.of(), f.queue.buckets());
        assertThrows(AccessDeniedException.class, () -> f.queue.createBucket(RICK, new BucketDraft("x", null, null, null, null, null, null, null, null)));
        bucket(f, "fresh", 1);
        assertThrows(ConflictException.class, () -> bucket(f, "fresh", 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void queueStateFollowsAMergeAndItsUndo(TestDatabases.Db db) {
        QueueFixture f = new QueueFixture(db.dataSource());
        Bucket b = bucket(f, "fresh", 1, new Transition(CallOutcome.NO_ANSWER, Action.RETRY, null, Duration.ofHours(1), null));
        long survivor = f.contacts.add("Sue", "Vivor", "212-555-0111", "NY", "10001");
        long loser = f.contacts.add("Lou", "Ser", "212-555-0112", "NY", "10001");
        long lone = f.contacts.add("Al", "One", "212-555-0113", "NY", "10001");
        long target = f.contacts.add("Tara", "Get", "212-555-0114", "NY", "10001");
        f.queue.enqueue(ADMIN, b.id(), List.of(survivor, loser, lone), null, false);
        for (int i = 0; i < 3; i++) {
            Claim c = f.queue.next(RICK).orElseThrow();
            f.queue.record(RICK, c.attemptId(), new OutcomeReport(CallOutcome.NO_ANSWER, null, null));
        }
        QueueMergeParticipant p = new QueueMergeParticipant(f.ds);
        p.merged(7, survivor, loser);
        p.merged(7, survivor, loser);
        assertEquals(2, f.queue.state(ADMIN, survivor).entry().attemptsTotal(), "the loser's calls count for the survivor");
        assertEquals(2, f.queue.state(ADMIN, survivor).attempts().size());
        assertEquals("MERGED", f.queue.state(ADMIN, loser).entry().finalState());
        p.undone(7, survivor, loser);
        assertEquals(1, f.queue.state(ADMIN, survivor).entry().attemptsTotal());
        assertEquals(1, f.queue.state(ADMIN, survivor).attempts().size());
        QueueEntry restored = f.queue.state(ADMIN, loser).entry();
        assertEquals(QueueEntry.QUEUED, restored.status());
        assertEquals(null, restored.finalState());
        assertEquals(1, f.queue.state(ADMIN, loser).attempts().size());

        p.merged(8, target, lone);
        assertEquals(QueueEntry.QUEUED, f.queue.state(ADMIN, target).entry().status(), "the lone entry moved to the survivor");
        assertEquals(null, f.queue.state(ADMIN, lone).entry(), "the lone contact has no entry of its own any more");
        p.undone(8, target, lone);
        assertEquals(1, f.queue.state(ADMIN, lone).entry().attemptsTotal());
        assertEquals(null, f.queue.state(ADMIN, target).entry(), "the undo took the entry back");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRowHeldByAnotherClaimerIsSkippedNotWaitedForAndNotMistakenForAnEmptyQueue(TestDatabases.Db db) throws Exception {
        QueueFixture f = new QueueFixture(db.dataSource());
        Bucket b = bucket(f, "fresh", 1);
        long first = f.contacts.add("Fir", "St", "212-555-0121", "NY", "10001");
        long second = f.contacts.add("Sec", "Ond", "212-555-0122", "NY", "10001");
        f.queue.enqueue(ADMIN, b.id(), List.of(first), 10.0, false);
        f.queue.enqueue(ADMIN, b.id(), List.of(second), 1.0, false);
        try (java.sql.Connection other = f.ds.getConnection()) {
            other.setAutoCommit(false);
            try (java.sql.Statement st = other.createStatement()) {
                st.executeQuery("SELECT contact_id FROM queue_entry WHERE contact_id = " + first + " FOR UPDATE").close();
            }
            // another claimer holds the best entry in its transaction: this one gets the next, at once
            assertEquals(second, f.queue.next(RITA).orElseThrow().contactId());
            other.rollback();
        }
        assertEquals(first, f.queue.next(RICK).orElseThrow().contactId());
    }
}
