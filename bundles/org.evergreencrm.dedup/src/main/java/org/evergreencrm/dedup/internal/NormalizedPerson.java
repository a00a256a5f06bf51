package org.evergreencrm.dedup.internal;

import java.time.LocalDate;
import java.util.Set;

/**
 * A person record after normalization: what blocking and comparison work on. {@code familyAsGiven} holds the
 * full names the family name would stand for if it were a given name (for swapped first/last names).
 */
public record NormalizedPerson(String id, String given, Set<String> givenCanonical, Set<String> familyAsGiven, String family,
        String familyCode, String givenCode, String deliveryLine, String streetNumber, String city, String postcode,
        String state, LocalDate dateOfBirth, Set<String> phones, Set<String> emails) {
    /** The same values under another record id. */
    public NormalizedPerson withId(String newId) {
        return new NormalizedPerson(newId, given, givenCanonical, familyAsGiven, family, familyCode, givenCode, deliveryLine,
                streetNumber, city, postcode, state, dateOfBirth, phones, emails);
    }
}
