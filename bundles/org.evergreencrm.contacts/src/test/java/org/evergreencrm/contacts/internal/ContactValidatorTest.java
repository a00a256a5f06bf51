package org.evergreencrm.contacts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evergreencrm.api.FieldError;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactKind;
import org.evergreencrm.api.contact.ContactStatus;
import org.evergreencrm.api.contact.Email;
import org.evergreencrm.api.contact.Phone;
import org.evergreencrm.api.contact.PostalAddress;
import org.junit.jupiter.api.Test;

class ContactValidatorTest {

    static ContactDraft person(String first, String last, List<Phone> phones, List<Email> emails, PostalAddress address) {
        return new ContactDraft(null, first, last, null, phones, emails, address, null, null, null, null, null);
    }

    private static List<String> fields(ContactDraft d) {
        return assertThrows(ValidationException.class, () -> ContactValidator.clean(d)).errors().stream()
                .map(FieldError::field).toList();
    }

    @Test
    void cleansAndDefaults() {
        ContactDraft d = new ContactDraft(null, "  Ann ", "", null, List.of(new Phone(" (813) 555-0101 x12 ", null)),
                List.of(new Email("ANN@Example.com", null)), new PostalAddress(" ", null, "Tampa", "FL", "33602-1234", "us"),
                " web ", null, null, Set.of(" Solar ", "solar"), Map.of("roofAge", 12));
        ContactDraft clean = ContactValidator.clean(d);
        assertEquals(ContactKind.PERSON, clean.kind());
        assertEquals(ContactStatus.NEW, clean.status());
        assertEquals("Ann", clean.firstName());
        assertNull(clean.lastName());
        assertEquals("(813) 555-0101 x12", clean.phones().get(0).number());
        assertEquals(Phone.PhoneType.MOBILE, clean.phones().get(0).type());
        assertEquals(Email.EmailType.PERSONAL, clean.emails().get(0).type());
        assertNull(clean.address().line1());
        assertEquals("US", clean.address().country());
        assertEquals("web", clean.source());
        assertEquals(Set.of("solar"), clean.tags());
    }

    @Test
    void reportsEveryFieldAtFaultWithItsPath() {
        ContactDraft d = person(null, null, List.of(new Phone("813-555-0101", null), new Phone("12", null)),
                List.of(new Email("not-an-email", null)), new PostalAddress("1 Main", null, "Tampa", "FL", "ABCDE", "USA"));
        assertEquals(List.of("phones[1].number", "emails[0].address", "address.country"), fields(d),
                "no name, but a phone: the person is identified");
    }

    @Test
    void aPersonNeedsOneIdentifyingFieldNotNecessarilyAName() {
        PostalAddress home = new PostalAddress("42 Wattle St", null, "Dubbo", "NSW", "2830", "AU");
        ContactDraft addressOnly = person(null, null, null, null, home);
        assertEquals(List.of("lastName"), fields(addressOnly), "an address alone does not say who lives there");
        ContactDraft withBirthDate = new ContactDraft(ContactKind.PERSON, null, null, null, null, null, home, null, null, null, null,
                Map.of("dateOfBirth", "1961-03-04"));
        assertEquals("1961-03-04", ContactValidator.clean(withBirthDate).customFields().get("dateOfBirth"),
                "an address with a date of birth does");
        assertEquals(1, ContactValidator.clean(person(null, null, null, List.of(new Email("ann@example.com", null)), null)).emails().size());
        assertEquals(1, ContactValidator.clean(person(null, null, List.of(new Phone("+61 2 6884 1234", null)), null, null)).phones().size());
        assertEquals(List.of("lastName", "phones"), fields(person(null, null, null, null, null)));
    }

    @Test
    void aContactNeedsAWayToReachIt() {
        assertEquals(List.of("phones"), fields(person("Ann", "Archer", null, null, null)));
        assertEquals(List.of("phones"), fields(person("Ann", "Archer", List.of(), List.of(), new PostalAddress(null, " ", null, null, null, null))));
    }

    @Test
    void aHouseholdNeedsItsName() {
        ContactDraft d = new ContactDraft(ContactKind.HOUSEHOLD, "Ann", null, null, List.of(new Phone("8135550101", null)),
                null, null, null, null, null, null, null);
        assertEquals(List.of("householdName"), fields(d));
    }

    @Test
    void phoneNumbersMustLookLikePhoneNumbers() {
        for (String ok : new String[] {"+1 813 555 0101", "(813) 555-0101", "813.555.0101", "8135550101 ext. 7", "+44 20 7946 0958"}) {
            ContactValidator.clean(person("A", null, List.of(new Phone(ok, null)), null, null));
        }
        for (String bad : new String[] {"555-0101x", "call me", "123", "+1 (813) 555-0101-0101-0101", "813 555 O1O1"}) {
            assertEquals(List.of("phones[0].number"), fields(person("A", null, List.of(new Phone(bad, null)), null, null)), bad);
        }
    }

    @Test
    void limitsSizesTagsAndCustomFieldNames() {
        String longName = "x".repeat(101);
        assertEquals(List.of("firstName"), fields(person(longName, null, List.of(new Phone("8135550101", null)), null, null)));
        ContactDraft tags = new ContactDraft(null, "A", null, null, List.of(new Phone("8135550101", null)), null, null, null,
                null, null, Set.of("ok", "<script>"), Map.of("1bad", 1, "good_name", 2));
        assertEquals(List.of("tags", "customFields.1bad"), fields(tags));
    }

    @Test
    void aMissingBodyIsAnError() {
        assertThrows(ValidationException.class, () -> ContactValidator.clean(null));
    }
}
