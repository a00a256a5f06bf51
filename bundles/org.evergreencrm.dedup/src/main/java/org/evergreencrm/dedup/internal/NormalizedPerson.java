package org.evergreencrm.dedup.internal;

import java.time.LocalDate;
import java.util.Set;

/**
 * A person record after normalization: what blocking and comparison work on. {@code familyAsGiven} holds the
 * full names the family name would stand for if it were a given name (for swapped first/last names).
 * {@code deliveryLine} is the standardized first line without its unit; {@code secondary} the unit or second line
 * without its designator ("4B" of "APT 4B", "# 4B" or a second line "Unit 4b"; "KURRAJONG VLG" of a named second line).
 */
public record NormalizedPerson(String id, String given, Set<String> givenCanonical, Set<String> familyAsGiven, String family,
        String familyCode, String givenCode, String deliveryLine, String secondary, String streetNumber, String city, String postcode,
        String state, LocalDate dateOfBirth, Set<String> phones, Set<String> emails) {
    /** The same values under another record id. */
    public NormalizedPerson withId(String newId) {
        return new NormalizedPerson(newId, given, givenCanonical, familyAsGiven, family, familyCode, givenCode, deliveryLine,
                secondary, streetNumber, city, postcode, state, dateOfBirth, phones, emails);
    }
}
