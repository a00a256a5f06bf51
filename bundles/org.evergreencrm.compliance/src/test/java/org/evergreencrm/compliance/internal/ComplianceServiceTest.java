package org.evergreencrm.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.compliance.CallTarget;
import org.evergreencrm.api.compliance.Channel;
import org.evergreencrm.api.compliance.ConsentDraft;
import org.evergreencrm.api.compliance.ConsentKind;
import org.evergreencrm.api.compliance.ConsentMethod;
import org.evergreencrm.api.compliance.ConsentRecord;
import org.evergreencrm.api.compliance.DecisionRecord;
import org.evergreencrm.api.compliance.DncImport;
import org.evergreencrm.api.compliance.NumberStatus;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.store.internal.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ComplianceServiceTest {
    static final Instant NOON_ET = Instant.parse("2026-11-25T17:00:00Z");
    static final Actor REP = new Actor(5L, "rick", Role.REP, null);
    /** Records about a bare number (no contact) and consent grants are an admin's (the compliance officer's). */
    static final Actor CLERK = new Actor(6L, "ann", Role.ADMIN, null);

    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.all();
    }

    static ComplianceServiceImpl service(DataSource ds) {
        TestDatabases.migrated(ds);
        return new ComplianceServiceImpl(ds, CallingRules.from(CallPolicyTest.CONFIG), Clock.fixed(NOON_ET, ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void revocationsAreRecordedWithTheirAuditTrailAndBlockCalls(TestDatabases.Db db) {
        ComplianceServiceImpl s = service(db.dataSource());
        CallTarget t = new CallTarget(null, "(212) 555-0142", "NY", "10001");
        assertTrue(s.check(t, NOON_ET).allowed());
        ConsentRecord r = s.record(REP, new ConsentDraft(null, "212.555.0142", Channel.CALL, ConsentKind.REVOKE,
                ConsentMethod.TEXT_STOP, null, null, "replied STOP"));
        assertEquals("+12125550142", r.phone());
        assertEquals("rick", r.recordedBy());
        assertEquals(NOON_ET, r.effectiveAt());
        assertEquals(ComplianceServiceImpl.honorBy(NOON_ET), r.honorBy());
        assertEquals("INTERNAL_DNC", s.checkAndRecord(t, NOON_ET, "TEST", REP).code());
        NumberStatus status = s.lookup(REP, "+1 212 555 0142");
        assertTrue(status.doNotCall());
        assertFalse(status.doNotText(), "do-not-call and do-not-text are separate");
        assertEquals(List.of(r.id()), status.records().stream().map(ConsentRecord::id).toList());
        DecisionRecord audit = s.decisions(Actor.system(), null, "212-555-0142", 10).get(0);
        assertEquals("LOOKUP", audit.purpose());
        assertEquals("rick", audit.actor());
        assertFalse(audit.allowed());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void badRecordsAreRefusedWithTheFieldsAtFault(TestDatabases.Db db) {
        ComplianceServiceImpl s = service(db.dataSource());
        ValidationException e = assertThrows(ValidationException.class, () -> s.record(CLERK, new ConsentDraft(null,
                "555", null, ConsentKind.REVOKE, null, null, NOON_ET.plus(Duration.ofDays(30)), null)));
        assertEquals(List.of("phone", "channel", "method", "effectiveAt"), e.errors().stream().map(f -> f.field()).toList());
        assertEquals(List.of(), s.records(Actor.system(), null, "212-555-0177"), "nothing was written");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void registryImportStreamsCountsAndIsIdempotent(TestDatabases.Db db) throws Exception {
        ComplianceServiceImpl s = service(db.dataSource());
        StringBuilder file = new StringBuilder("phone_number\n");
        for (int i = 0; i < 25_000; i++) {
            file.append(2_125_500_000L + i).append('\n');
        }
        file.append("12345\n").append("2125500001\n");
        assertThrows(AccessDeniedException.class, () -> s.startImport(REP, "US", InputStream(file), "x"));
        assertThrows(ValidationException.class, () -> s.startImport(Actor.system(), "NATIONAL", InputStream(file), "x"));
        DncImport done = await(s, s.startImport(Actor.system(), "US", InputStream(file), "test.txt"));
        assertEquals(DncImport.DONE, done.state());
        assertEquals(25_000, done.added());
        assertEquals(1, done.rejected());
        assertTrue(done.errors().get(0).contains("12345"), done.errors().toString());
        DncImport again = await(s, s.startImport(Actor.system(), "US", InputStream(file), "test.txt"));
        assertEquals(0, again.added(), "numbers already on the list are not added twice");
        assertEquals(25_000, s.lists().get(0).numbers());
        assertEquals("REGISTRY_DNC", s.check(new CallTarget(null, "212-550-0007", "NY", null), NOON_ET).code());
        assertTrue(s.check(new CallTarget(null, "212-560-0007", "NY", null), NOON_ET).allowed());
        assertEquals(List.of("US"), s.lookup(REP, "2125500007").registryLists());
    }

    private static java.io.InputStream InputStream(CharSequence s) {
        return new ByteArrayInputStream(s.toString().getBytes(StandardCharsets.US_ASCII));
    }

    static DncImport await(ComplianceServiceImpl s, DncImport started) throws InterruptedException {
        return await(s, started, 30_000);
    }

    static DncImport await(ComplianceServiceImpl s, DncImport started, long millis) throws InterruptedException {
        DncImport job = started;
        for (long i = 0; i < millis / 50 && DncImport.RUNNING.equals(job.state()); i++) {
            Thread.sleep(50);
            job = s.dncImport(started.id()).orElseThrow();
        }
        return job;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void consentRecordsFollowAMergeAndGoBackOnUndo(TestDatabases.Db db) throws Exception {
        ComplianceServiceImpl s = service(db.dataSource());
        long survivor = 1;
        long loser = 2;
        s.record(CLERK, new ConsentDraft(loser, null, Channel.CALL, ConsentKind.REVOKE, ConsentMethod.EMAIL, null, null, null));
        ConsentMergeParticipant p = new ConsentMergeParticipant(s.store());
        p.merged(10, survivor, loser);
        p.merged(10, survivor, loser);
        assertEquals(1, s.records(Actor.system(), survivor, null).size());
        assertEquals("INTERNAL_DNC", s.check(new CallTarget(survivor, "212-555-0101", "NY", null), NOON_ET).code(),
                "the loser's revocation applies to the merged contact: the most restrictive wins");
        p.undone(10, survivor, loser);
        assertEquals(0, s.records(Actor.system(), survivor, null).size());
        assertEquals(1, s.records(Actor.system(), loser, null).size());
    }


    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void repsMayNotGrantConsentNorRecordForBareNumbers(TestDatabases.Db db) {
        ComplianceServiceImpl s = service(db.dataSource());
        assertThrows(AccessDeniedException.class, () -> s.record(REP, new ConsentDraft(null, "212.555.0188", Channel.CALL,
                ConsentKind.GRANT, ConsentMethod.WEB, null, null, "written consent")), "a grant can override the registry");
        assertThrows(AccessDeniedException.class, () -> s.record(REP, new ConsentDraft(42L, null, Channel.CALL,
                ConsentKind.REVOKE, ConsentMethod.CALL, null, null, null)), "without the contact service no contact is readable");
        ValidationException old = assertThrows(ValidationException.class, () -> s.record(CLERK, new ConsentDraft(null,
                "212.555.0188", Channel.CALL, ConsentKind.REVOKE, ConsentMethod.CALL, java.time.Instant.parse("-999999999-01-01T00:00:00Z"),
                null, null)));
        assertEquals("receivedAt", old.errors().get(0).field());
        assertEquals(List.of(), s.records(Actor.system(), null, "212-555-0188"), "nothing was written");
        // a do-not-call request for a bare number is never refused; others see it without its note and recorder
        s.record(REP, new ConsentDraft(null, "212.555.0188", Channel.CALL, ConsentKind.REVOKE, ConsentMethod.CALL, null, null,
                "caller asked"));
        ConsentRecord seen = s.records(new Actor(7L, "rita", Role.REP, null), null, "212-555-0188").get(0);
        assertEquals(ConsentKind.REVOKE, seen.kind());
        assertEquals(null, seen.note());
        assertEquals(null, seen.recordedBy());
        assertEquals("rick", s.records(CLERK, null, "212-555-0188").get(0).recordedBy(), "an admin sees the audit trail");
    }
}
