package org.evergreencrm.dedup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.evergreencrm.api.dedup.PersonRecord;
import org.junit.jupiter.api.Test;

class NormalizationTest {
    private final PhoneNormalizer phones = new PhoneNormalizer("US");
    private final EmailNormalizer emails = EmailNormalizer.defaults();
    private final NameNormalizer names = NameNormalizer.withBuiltInNicknames();
    private final BasicAddressNormalizer addresses = new BasicAddressNormalizer();

    @Test
    void phonesBecomeE164KeepingExtensions() {
        for (String raw : List.of("(813) 555-0101", "813.555.0101", "+1 813 555 0101", "1-813-555-0101", "8135550101")) {
            assertEquals(Optional.of("+18135550101"), phones.e164(raw), raw);
        }
        assertEquals(Optional.of("+18135550101;ext=42"), phones.e164("813-555-0101 ext. 42"));
        assertEquals(Optional.of("+442079460958"), phones.e164("+44 20 7946 0958"));
        assertEquals(Optional.empty(), phones.e164("12"));
        assertEquals(Optional.empty(), phones.e164("call me"));
        assertEquals("+18135550101", PhoneNormalizer.withoutExtension("+18135550101;ext=42"));
    }

    @Test
    void emailsAreCanonicalPerProvider() {
        assertEquals("janedoe@gmail.com", emails.canonical("  Jane.Doe+leads@GoogleMail.com "));
        assertEquals("jane.doe@outlook.com", emails.canonical("Jane.Doe+crm@outlook.com"));
        assertEquals("jane.doe+x@example.com", emails.canonical("Jane.Doe+x@Example.com"));
        assertNull(emails.canonical(" "));
    }

    @Test
    void namesLoseCaseAccentsPunctuationAndNicknames() {
        assertEquals("jose", NameNormalizer.clean("José"));
        assertEquals("obrien", names.family("O'Brien"));
        assertEquals("van der berg", names.family("Van-der  Berg"));
        assertEquals("muller", names.family("Müller"));
        assertEquals("mary", names.given("Mary-Jane"));
        assertTrue(names.canonicalGiven("bob").contains("robert"));
        assertEquals(Set.of("alfred", "fred", "frederick"), names.canonicalGiven("fred"));
        assertEquals(Set.of("zelda"), names.canonicalGiven("zelda"));
    }

    @Test
    void addressesUseUspsAbbreviations() {
        assertEquals("12 N OAK ST APT 4", addresses.deliveryLine("12", "North Oak Street, Apartment 4"));
        assertEquals("12 N OAK ST APT 4", addresses.deliveryLine(null, "12 N. Oak St. Apt 4"));
        assertEquals("33602", addresses.postcode("33602-1234"));
        assertEquals("2000", addresses.postcode("2000"));
        assertNull(addresses.deliveryLine(" ", null));
    }

    @Test
    void comparesFieldByFieldAndForgivesSwappedNames() {
        PersonNormalizer normalizer = PersonNormalizer.defaults("US");
        NormalizedPerson a = normalizer.normalize(new PersonRecord("a", "Robert", "Smith", "12", "Oak Street", "Tampa",
                "33602", "FL", LocalDate.of(1970, 3, 4), List.of("(813) 555-0101"), List.of("rsmith@gmail.com")));
        NormalizedPerson b = normalizer.normalize(new PersonRecord("b", "Smith", "Bob", "12", "Oak St", "Tampa",
                "33602", "fl", LocalDate.of(1970, 4, 3), List.of("+1 813 555 0101"), List.of("R.Smith@gmail.com")));
        int[] levels = PairComparator.compare(a, b);
        assertEquals(0, levels[Field.GIVEN_NAME.ordinal()], "bob = robert, crosswise");
        assertEquals(0, levels[Field.FAMILY_NAME.ordinal()]);
        assertEquals(1, levels[Field.DATE_OF_BIRTH.ordinal()], "day and month swapped");
        assertEquals(0, levels[Field.PHONE.ordinal()]);
        assertEquals(0, levels[Field.EMAIL.ordinal()]);
        assertEquals(0, levels[Field.ADDRESS.ordinal()]);
        assertEquals(0, levels[Field.LOCATION.ordinal()]);
        assertTrue(BlockingKeys.of(a).contains("p:+18135550101"));
        assertTrue(FellegiSunterModel.defaults().probability(levels) > 0.99);

        NormalizedPerson c = normalizer.normalize(new PersonRecord("c", "Robert", "Smith", null, null, "Dallas", "75201",
                "TX", LocalDate.of(1988, 1, 2), List.of("214-555-0199"), List.of()));
        int[] other = PairComparator.compare(a, c);
        assertEquals(Field.MISSING, other[Field.EMAIL.ordinal()]);
        assertTrue(FellegiSunterModel.defaults().probability(other) < 0.5, "same common name, nothing else");
    }
}
