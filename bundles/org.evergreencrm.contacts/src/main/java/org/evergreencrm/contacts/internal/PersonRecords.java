package org.evergreencrm.contacts.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.Email;
import org.evergreencrm.api.contact.Phone;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.dedup.PersonRecord;

/** What duplicate detection compares of a contact. A date of birth is read from the custom field {@code dateOfBirth}. */
final class PersonRecords {
    static final String DATE_OF_BIRTH = "dateOfBirth";

    private PersonRecords() {
    }

    static PersonRecord of(String id, ContactDraft d) {
        PostalAddress a = d.address();
        String given = d.firstName() != null ? d.firstName() : null;
        String family = d.lastName() != null ? d.lastName() : d.householdName();
        return new PersonRecord(id, given, family, null, a == null ? null : a.line1(), a == null ? null : a.city(),
                a == null ? null : a.postalCode(), a == null ? null : a.state(), dateOfBirth(d),
                d.phones() == null ? null : d.phones().stream().map(Phone::number).toList(),
                d.emails() == null ? null : d.emails().stream().map(Email::address).toList());
    }

    static PersonRecord of(org.evergreencrm.api.contact.Contact c) {
        return of(Long.toString(c.id()), new ContactDraft(c.kind(), c.firstName(), c.lastName(), c.householdName(),
                c.phones(), c.emails(), c.address(), c.source(), c.ownerId(), c.status(), c.tags(), c.customFields()));
    }

    private static LocalDate dateOfBirth(ContactDraft d) {
        Object dob = d.customFields() == null ? null : d.customFields().get(DATE_OF_BIRTH);
        if (dob instanceof String s) {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
