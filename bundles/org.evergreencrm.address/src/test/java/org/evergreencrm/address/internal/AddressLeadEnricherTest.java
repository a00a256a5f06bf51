package org.evergreencrm.address.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactKind;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.lead.LeadProfile;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.store.internal.TestDatabases;
import org.junit.jupiter.api.Test;

class AddressLeadEnricherTest {
    private static LeadProfile lead(PostalAddress a) {
        return new LeadProfile("test", Map.of(), new ContactDraft(ContactKind.PERSON, "Ann", "Lee", null, List.of(), List.of(), a,
                "test", null, null, Set.of(), Map.of()), null, List.of());
    }

    @Test
    void placesTheLeadAndFillsOnlyWhatIsMissing() throws Exception {
        ZipData zips = new ZipData(TestDatabases.migrated(TestDatabases.h2().dataSource()), Clock.systemUTC());
        zips.importZips(Actor.system(), "t", AddressServiceTest.in(AddressServiceTest.GEONAMES, false), n -> { });
        AddressLeadEnricher e = new AddressLeadEnricher(zips);
        LeadProfile out = e.enrich(lead(new PostalAddress("500 n palafox st", null, null, null, "32501", null)));
        assertEquals("PENSACOLA", out.contact().address().city());
        assertEquals("FL", out.contact().address().state());
        assertEquals("500 n palafox st", out.contact().address().line1(), "the typed line stays as typed");
        assertEquals(30.4225, out.location().latitude());
        assertEquals("ZIP5", out.location().precision());
        assertTrue(out.notes().stream().anyMatch(n -> n.startsWith("address standardized offline (not verified): 500 N PALAFOX ST")), out.notes().toString());
        LeadProfile abroad = e.enrich(lead(new PostalAddress("10 Downing St", null, "London", null, "SW1A 2AA", "GB")));
        assertNull(abroad.location());
        assertTrue(abroad.notes().get(0).contains("only US addresses"), abroad.notes().toString());
        LeadProfile none = lead(null);
        assertSame(none, e.enrich(none));
    }
}
