package org.evergreencrm.address.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.evergreencrm.api.address.AddressAnalysis;
import org.evergreencrm.api.address.AddressComponents;
import org.evergreencrm.api.address.AddressMetadata;
import org.evergreencrm.api.address.AddressSource;
import org.evergreencrm.api.address.AddressVerification;
import org.evergreencrm.api.address.AddressVerifier;
import org.evergreencrm.api.address.StandardAddress;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.store.internal.TestDatabases;
import org.junit.jupiter.api.Test;

/** The address service with a verification service installed: its answer when it has one, offline with the reason when not. */
class VerificationsTest {
    private final List<AddressVerifier.Query> asked = new ArrayList<>();
    private AddressVerifier.Result next;

    private final AddressVerifier fake = new AddressVerifier() {
        public String name() {
            return "SmartyStreets";
        }

        public List<Result> verify(List<Query> queries) {
            asked.addAll(queries);
            return queries.stream().map(q -> next).toList();
        }

        public String status() {
            return "fake";
        }
    };

    private static StandardAddress smarty(String dpv) {
        return new StandardAddress(null, "500 N PALAFOX ST STE 2", "PENSACOLA FL 32501-5421", new AddressComponents("500", "N",
                "PALAFOX", "ST", null, "STE", "2", "PENSACOLA", "FL", "32501", "5421"), new AddressMetadata("H", "Escambia", "12033",
                "Commercial", 30.41517, -87.21536, "Zip9", "America/Chicago", -6.0, true),
                new AddressAnalysis(dpv, "AABB", "N", "N", "N#", "Y".equals(dpv)), AddressSource.SMARTYSTREETS, Instant.now());
    }

    @Test
    void theServiceAnswersWhenItCanAndTheOfflinePathWhenItCannot() throws Exception {
        ZipData zips = new ZipData(TestDatabases.migrated(TestDatabases.h2().dataSource()), Clock.systemUTC());
        zips.importZips(Actor.system(), "t", AddressServiceTest.in(AddressServiceTest.GEONAMES, false), n -> { });
        Verifications v = new Verifications(new OfflineVerifier(zips, Clock.systemUTC()), () -> fake);
        PostalAddress typed = new PostalAddress("500 north palafox street", "suite 2", "pensacola", "fl", "32501", "US");

        next = new AddressVerifier.Result(List.of(smarty("Y")), null, false);
        AddressVerification ok = v.verify(typed);
        assertEquals("verified by SmartyStreets: deliverable (DPV Y)", ok.verdict());
        assertEquals(AddressSource.SMARTYSTREETS, ok.candidates().get(0).source());
        assertTrue(ok.candidates().get(0).verified());
        assertTrue(ok.changes().stream().anyMatch(c -> c.field().equals("plus4Code") && "5421".equals(c.to())), ok.changes().toString());
        assertEquals("500 N PALAFOX ST STE 2", asked.get(0).street(), "the service is sent the offline standard form");

        next = new AddressVerifier.Result(List.of(), null, false);
        AddressVerification none = v.verify(typed);
        assertEquals("not deliverable: SmartyStreets found no match; standardized offline", none.verdict());
        assertEquals(AddressSource.OFFLINE, none.candidates().get(0).source());

        next = AddressVerifier.Result.failed("402 payment required: out of credit");
        AddressVerification broke = v.verify(List.of("500 N Palafox St Ste 2, Pensacola FL 32501"));
        assertEquals("not verified: SmartyStreets unavailable (402 payment required: out of credit); standardized offline", broke.verdict());
        assertEquals("500 N PALAFOX ST STE 2", broke.candidates().get(0).deliveryLine1());
        assertEquals(AddressSource.OFFLINE, broke.candidates().get(0).source());

        next = new AddressVerifier.Result(List.of(smarty("D")), null, true);
        assertEquals("verified by SmartyStreets: the building is deliverable, a unit is missing (DPV D) [cached]", v.verify(typed).verdict());

        // a foreign address is never sent (nothing to pay for)
        int before = asked.size();
        assertTrue(v.verify(new PostalAddress("10 Downing St", null, "London", null, "SW1A 2AA", "GB")).candidates().isEmpty());
        assertEquals(before, asked.size());
    }
}
