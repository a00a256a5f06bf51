package org.evergreencrm.api.dedup;

import java.time.LocalDate;
import java.util.List;

/**
 * The fields duplicate detection compares, as entered (any may be {@code null}). Built from a contact, an incoming
 * lead or a row of an evaluation CSV.
 *
 * @param id the record's id in its source (contact id, external id)
 */
public record PersonRecord(String id, String givenName, String familyName, String streetNumber, String addressLine,
        String city, String postcode, String state, LocalDate dateOfBirth, List<String> phones, List<String> emails) {
    public PersonRecord {
        phones = phones == null ? List.of() : List.copyOf(phones);
        emails = emails == null ? List.of() : List.copyOf(emails);
    }
}
