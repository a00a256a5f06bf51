package org.evergreencrm.api.dedup;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.Email;
import org.evergreencrm.api.contact.Phone;
import org.evergreencrm.api.contact.PostalAddress;

/**
 * What duplicate detection compares of a contact. The date of birth and an external id are read from the custom
 * fields {@value #DATE_OF_BIRTH} (ISO date) and {@value #EXTERNAL_ID}.
 */
public final class PersonRecords {
    public static final String DATE_OF_BIRTH = "dateOfBirth";
    public static final String EXTERNAL_ID = "externalId";

    private PersonRecords() {
    }

    public static PersonRecord of(Contact c) {
        return of(Long.toString(c.id()), new ContactDraft(c.kind(), c.firstName(), c.lastName(), c.householdName(),
                c.phones(), c.emails(), c.address(), c.source(), c.ownerId(), c.status(), c.tags(), c.customFields()));
    }

    public static PersonRecord of(String id, ContactDraft d) {
        PostalAddress a = d.address();
        String family = d.lastName() != null ? d.lastName() : d.householdName();
        return new PersonRecord(id, d.firstName(), family, null, a == null ? null : a.line1(), a == null ? null : a.line2(),
                a == null ? null : a.city(),
                a == null ? null : a.postalCode(), a == null ? null : a.state(), dateOfBirth(d),
                d.phones() == null ? null : d.phones().stream().map(Phone::number).toList(),
                d.emails() == null ? null : d.emails().stream().map(Email::address).toList());
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
