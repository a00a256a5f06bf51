package org.evergreencrm.contacts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactKind;
import org.evergreencrm.api.contact.ContactStatus;
import org.evergreencrm.api.contact.Email;
import org.evergreencrm.api.contact.Phone;
import org.junit.jupiter.api.Test;

class SurvivorshipTest {
    private static final Instant OLD = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NEW = Instant.parse("2026-06-01T00:00:00Z");

    private static Contact contact(long id, String first, String source, List<String> phones, Set<String> tags,
            Map<String, Object> custom, Instant updated) {
        return new Contact(id, ContactKind.PERSON, first, "Archer", null,
                phones.stream().map(p -> new Phone(p, Phone.PhoneType.MOBILE)).toList(),
                List.of(new Email(first.toLowerCase() + "@example.com", Email.EmailType.PERSONAL)), null, source, null,
                ContactStatus.NEW, tags, custom, OLD, updated, 1, org.evergreencrm.api.dedup.Normalized.NONE);
    }

    @Test
    void keepsBothSidesOfListsAndTheMostRecentNonEmptyValue() {
        Contact survivor = contact(1, "Ann", null, List.of("(813) 555-0101"), Set.of("solar"), Map.of("roofAge", 10, "hoa", true), OLD);
        Contact loser = contact(2, "Anne", "referral", List.of("813.555.0101", "407-555-0000"), Set.of("roofing"),
                Map.of("roofAge", 12, "pool", false), NEW);
        Survivorship.Result r = Survivorship.merge(survivor, loser);
        assertEquals("Anne", r.draft().firstName(), "the loser was updated more recently");
        assertEquals("referral", r.draft().source(), "the survivor had none");
        assertEquals(List.of("(813) 555-0101", "407-555-0000"), r.draft().phones().stream().map(Phone::number).toList());
        assertEquals(2, r.draft().emails().size());
        assertEquals(Set.of("solar", "roofing"), r.draft().tags());
        assertEquals(Map.of("roofAge", 10, "hoa", true, "pool", false), r.draft().customFields());
        assertEquals("loser", r.sources().get("firstName"));
        assertEquals("both", r.sources().get("phones"));
    }

    @Test
    void anOlderLoserOnlyFillsGaps() {
        Contact survivor = contact(1, "Ann", null, List.of("(813) 555-0101"), Set.of(), Map.of(), NEW);
        Contact loser = contact(2, "Anne", "web", List.of(), Set.of(), Map.of(), OLD);
        Survivorship.Result r = Survivorship.merge(survivor, loser);
        assertEquals("Ann", r.draft().firstName());
        assertEquals("web", r.draft().source());
        assertEquals("survivor", r.sources().get("phones"));
    }

    @Test
    void rulesAreConfigurablePerField() {
        Contact survivor = contact(1, "Ann", "web-form", List.of("(813) 555-0101"), Set.of(), Map.of(), NEW);
        Contact loser = contact(2, "Annabelle", "referral", List.of(), Set.of(), Map.of(), OLD);
        SurvivorshipRules rules = SurvivorshipRules.parse("SURVIVOR", new String[] {"firstName=MOST_COMPLETE", "source=source_priority"},
                new String[] {"referral", "web-form"});
        Survivorship.Result r = Survivorship.merge(survivor, loser, rules);
        assertEquals("Annabelle", r.draft().firstName(), "the fuller name");
        assertEquals("referral", r.draft().source(), "the more trusted source");
        assertEquals("survivor", r.sources().get("status"));
    }

    @Test
    void badRulesAreRefusedNamingTheEntry() {
        IllegalArgumentException field = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SurvivorshipRules.parse("MOST_RECENT", new String[] {"nickname=SURVIVOR"}, null));
        org.junit.jupiter.api.Assertions.assertTrue(field.getMessage().contains("nickname=SURVIVOR"));
        IllegalArgumentException rule = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SurvivorshipRules.parse("NEWEST", null, null));
        org.junit.jupiter.api.Assertions.assertTrue(rule.getMessage().contains("NEWEST"));
    }
}
