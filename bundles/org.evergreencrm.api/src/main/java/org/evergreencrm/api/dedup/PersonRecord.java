package org.evergreencrm.api.dedup;

import java.time.LocalDate;
import java.util.List;

/**
 * The fields duplicate detection compares, as entered (any may be {@code null}). Built from a contact, an incoming
 * lead or a row of an evaluation CSV.
 *
 * @param id the record's id in its source (contact id, external id)
 * @param addressLine the first address line (street, with its number unless {@code streetNumber} holds it)
 * @param addressLine2 the second address line (apartment, suite, building or locality), compared on its own
 */
public record PersonRecord(String id, String givenName, String familyName, String streetNumber, String addressLine,
        String addressLine2, String city, String postcode, String state, LocalDate dateOfBirth, List<String> phones,
        List<String> emails) {
    public PersonRecord {
        phones = phones == null ? List.of() : List.copyOf(phones);
        emails = emails == null ? List.of() : List.copyOf(emails);
    }

    /** A record without a second address line (the form of API 1.3). */
    public PersonRecord(String id, String givenName, String familyName, String streetNumber, String addressLine,
            String city, String postcode, String state, LocalDate dateOfBirth, List<String> phones, List<String> emails) {
        this(id, givenName, familyName, streetNumber, addressLine, null, city, postcode, state, dateOfBirth, phones, emails);
    }
}
