package org.evergreencrm.leads.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.contact.ContactDraft;
import org.junit.jupiter.api.Test;

class LeadMapperTest {
    @Test
    void aliasesAreUnderstoodAndUnknownFieldsKept() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("First Name", "Ann");
        f.put("last_name", "Lee");
        f.put("Phone-Number", "(813) 555-0101");
        f.put("ZIP", "33602");
        f.put("roof_age", "12");
        f.put("submissionId", "s-1");
        f.put("_redirect", "http://x");
        ContactDraft d = LeadMapper.draft(f, "web-form:demo", 7L);
        assertEquals("Ann", d.firstName());
        assertEquals("Lee", d.lastName());
        assertEquals("(813) 555-0101", d.phones().get(0).number());
        assertEquals("33602", d.address().postalCode());
        assertEquals(Map.of("roof_age", "12"), d.customFields(), "unknown fields are kept, form plumbing is not");
        assertEquals("web-form:demo", d.source());
        assertEquals(7L, d.ownerId());
    }

    @Test
    void aLeadNeedsAWayToReachItNotNecessarilyAName() {
        ValidationException e = assertThrows(ValidationException.class, () -> LeadMapper.draft(Map.of("notes", "hi"), "x", null));
        assertEquals(List.of("phone"), e.errors().stream().map(x -> x.field()).toList());
        assertEquals(List.of(), LeadMapper.draft(Map.of("phone", "(813) 555-0142"), "x", null).emails(), "a phone alone will do");
    }

    @Test
    void payloadsParse() {
        assertEquals(Map.of("a", "1 2", "b", "x&y"), LeadPayloads.fields("a=1+2&b=x%26y"));
        assertEquals(Map.of("firstName", "Ann", "age", "3"), LeadPayloads.fields("{\"firstName\":\"Ann\",\"age\":3}"));
        assertThrows(ValidationException.class, () -> LeadPayloads.fields("{broken"));
    }
}
