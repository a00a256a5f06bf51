package org.evergreencrm.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.evergreencrm.api.compliance.CallTarget;
import org.evergreencrm.api.compliance.Channel;
import org.evergreencrm.api.compliance.ConsentKind;
import org.evergreencrm.api.compliance.ConsentMethod;
import org.evergreencrm.api.compliance.ConsentRecord;
import org.evergreencrm.api.compliance.Decision;
import org.junit.jupiter.api.Test;

class CallPolicyTest {
    static final Map<String, Object> CONFIG = Map.of("federal.window", "08:00-21:00",
            "state.FL.window", "08:00-20:00", "state.FL.maxCallsPer24h", "3",
            "state.FL.areaCodes", "239,305,321,352,386,407,561,727,754,772,786,813,850,863,904,941,954",
            "state.OK.window", "08:00-20:00", "state.OK.maxCallsPer24h", "3", "state.OK.areaCodes", "405,539,580,918");
    private final CallPolicy policy = new CallPolicy(CallingRules.from(CONFIG), new UsZones());
    private static final CallPolicy.Facts CLEAN = new CallPolicy.Facts(List.of(), List.of(), List.of());

    static Instant local(String dateTime, String zone) {
        return LocalDateTime.parse(dateTime).atZone(ZoneId.of(zone)).toInstant();
    }

    private Decision decide(CallTarget t, CallPolicy.Facts f, Instant at) {
        return policy.decide(t, PhoneFacts.of(t.phone()), f, at);
    }

    @Test
    void floridaContactIsNotCalledAt2030LocalButIsAt1930() {
        CallTarget tampa = new CallTarget(1L, "(813) 555-0101", "FL", "33602");
        Decision late = decide(tampa, CLEAN, local("2026-11-25T20:30", "America/New_York"));
        assertFalse(late.allowed());
        assertEquals("OUTSIDE_CALLING_HOURS", late.code());
        assertTrue(late.summary().contains("20:30"), late.summary());
        assertTrue(late.summary().contains("FL"), late.summary());
        assertEquals(local("2026-11-26T08:00", "America/New_York"), late.retryAt());
        assertTrue(decide(tampa, CLEAN, local("2026-11-25T19:30", "America/New_York")).allowed());
    }

    @Test
    void floridaAreaCodeAppliesTheFloridaRuleEvenForAnAddressElsewhere() {
        CallTarget moved = new CallTarget(1L, "305-555-0101", "NY", "10001");
        assertFalse(decide(moved, CLEAN, local("2026-11-25T20:15", "America/New_York")).allowed());
        CallTarget newYorker = new CallTarget(1L, "212-555-0101", "NY", "10001");
        assertTrue(decide(newYorker, CLEAN, local("2026-11-25T20:15", "America/New_York")).allowed());
    }

    @Test
    void whereAddressAndAreaCodeDisagreeBothZonesMustAllow() {
        // A Los Angeles number for someone living in New York: 08:30 in New York is 05:30 in Los Angeles.
        CallTarget t = new CallTarget(1L, "213-555-0101", "NY", "10001");
        Decision d = decide(t, CLEAN, local("2026-11-25T08:30", "America/New_York"));
        assertFalse(d.allowed());
        assertTrue(d.zones().containsAll(List.of("America/New_York", "America/Los_Angeles")), d.zones().toString());
        assertEquals(local("2026-11-25T08:00", "America/Los_Angeles"), d.retryAt());
        // 20:30 in New York is past 21:00? no: still 17:30 in LA, but New York is fine until 21:00.
        assertTrue(decide(t, CLEAN, local("2026-11-25T20:30", "America/New_York")).allowed());
        assertFalse(decide(t, CLEAN, local("2026-11-25T21:05", "America/New_York")).allowed());
    }

    @Test
    void registryNumberIsRefusedWithoutConsentAndAllowedWithIt() {
        CallTarget t = new CallTarget(7L, "212-555-0199", "NY", "10001");
        Instant noon = local("2026-11-25T12:00", "America/New_York");
        Decision d = decide(t, new CallPolicy.Facts(List.of("US"), List.of(), List.of()), noon);
        assertFalse(d.allowed());
        assertEquals("REGISTRY_DNC", d.code());
        assertNull(d.retryAt(), "a DNC refusal is not lifted by time");
        ConsentRecord consent = record(1, Channel.CALL, ConsentKind.GRANT, noon.minusSeconds(86_400));
        assertTrue(decide(t, new CallPolicy.Facts(List.of("US"), List.of(consent), List.of()), noon).allowed());
    }

    @Test
    void theMostRestrictiveRecordWinsAndLaterRecordsOverrideEarlierOnes() {
        CallTarget t = new CallTarget(7L, "212-555-0199", "NY", "10001");
        Instant noon = local("2026-11-25T12:00", "America/New_York");
        ConsentRecord grant = record(1, Channel.CALL, ConsentKind.GRANT, noon.minusSeconds(7200));
        ConsentRecord revoke = record(2, Channel.CALL, ConsentKind.REVOKE, noon.minusSeconds(3600));
        Decision d = decide(t, new CallPolicy.Facts(List.of(), List.of(grant, revoke), List.of()), noon);
        assertEquals("INTERNAL_DNC", d.code());
        ConsentRecord sameTimeGrant = record(3, Channel.CALL, ConsentKind.GRANT, noon.minusSeconds(3600));
        assertEquals("INTERNAL_DNC", decide(t, new CallPolicy.Facts(List.of(), List.of(sameTimeGrant, revoke), List.of()), noon).code());
        ConsentRecord textStop = record(4, Channel.TEXT, ConsentKind.REVOKE, noon.minusSeconds(3600));
        assertTrue(decide(t, new CallPolicy.Facts(List.of(), List.of(textStop), List.of()), noon).allowed(),
                "do-not-text does not stop calls");
        ConsentRecord future = record(5, Channel.CALL, ConsentKind.REVOKE, noon.plusSeconds(3600));
        assertTrue(decide(t, new CallPolicy.Facts(List.of(), List.of(future), List.of()), noon).allowed(),
                "a revocation counts from its effective time");
    }

    @Test
    void floridaAllowsThreeCallsIn24Hours() {
        CallTarget t = new CallTarget(1L, "813-555-0101", "FL", "33602");
        Instant at = local("2026-11-25T15:00", "America/New_York");
        List<Instant> calls = List.of(at.minusSeconds(20 * 3600), at.minusSeconds(3600), at.minusSeconds(600));
        Decision d = decide(t, new CallPolicy.Facts(List.of(), List.of(), calls), at);
        assertEquals("STATE_CALL_LIMIT", d.code());
        assertEquals(at.minusSeconds(20 * 3600).plusSeconds(86_400), d.retryAt());
        assertTrue(decide(t, new CallPolicy.Facts(List.of(), List.of(), calls.subList(1, 3)), at).allowed());
        CallTarget ny = new CallTarget(1L, "212-555-0101", "NY", "10001");
        assertTrue(decide(ny, new CallPolicy.Facts(List.of(), List.of(), calls), at).allowed(), "no cap in NY");
    }

    @Test
    void invalidOrForeignNumbersAreNeverCalled() {
        assertEquals("INVALID_PHONE", decide(new CallTarget(1L, "12345", null, null), CLEAN, Instant.now()).code());
        assertEquals("INVALID_PHONE", decide(new CallTarget(1L, "+44 20 7946 0958", null, null), CLEAN, Instant.now()).code());
        assertEquals("INVALID_PHONE", decide(new CallTarget(1L, null, null, null), CLEAN, Instant.now()).code());
    }

    @Test
    void dstIsFollowedPerZone() {
        // 2026-03-08: DST starts in the US; Arizona does not observe it.
        CallTarget phoenix = new CallTarget(1L, "602-555-0101", "AZ", "85001");
        assertTrue(decide(phoenix, CLEAN, local("2026-03-09T08:05", "America/Phoenix")).allowed());
        assertFalse(decide(phoenix, CLEAN, local("2026-03-09T07:55", "America/Phoenix")).allowed());
    }

    static ConsentRecord record(long id, Channel channel, ConsentKind kind, Instant effective) {
        return new ConsentRecord(id, 7L, "+12125550199", channel, kind, ConsentMethod.WEB, effective, effective, null,
                "rick", effective, null);
    }

    @Test
    void phoneParsing() {
        PhoneFacts p = PhoneFacts.of("(813) 555-0101").orElseThrow();
        assertEquals(8135550101L, p.national());
        assertEquals(813, p.areaCode());
        assertEquals("+18135550101", p.e164());
        assertEquals(List.of(ZoneId.of("America/New_York")), p.zones());
        assertEquals(Optional.empty(), PhoneFacts.of("not a number"));
        assertEquals(2025550123L, PhoneFacts.registryNumber("2025550123"));
        assertEquals(2025550123L, PhoneFacts.registryNumber("12025550123"));
        assertEquals(-1, PhoneFacts.registryNumber("202555012"));
        assertEquals(-1, PhoneFacts.registryNumber("0025550123"));
    }
}
