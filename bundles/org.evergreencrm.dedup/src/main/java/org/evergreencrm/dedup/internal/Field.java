package org.evergreencrm.dedup.internal;

import java.util.List;

/** The compared fields and their agreement levels, best first; the last level is always "different". */
public enum Field {
    GIVEN_NAME("givenName", List.of("exact", "close", "different")),
    FAMILY_NAME("familyName", List.of("exact", "close", "different")),
    DATE_OF_BIRTH("dateOfBirth", List.of("exact", "close", "different")),
    PHONE("phone", List.of("exact", "different")),
    EMAIL("email", List.of("exact", "different")),
    /** The delivery line without its unit. */
    ADDRESS("address", List.of("exact", "close", "different")),
    /** The unit or second address line (apartment, suite, a named building or locality), without its designator. */
    SECONDARY("addressLine2", List.of("exact", "close", "different")),
    /** Postcode and city together (they are not independent): same postcode, else same city, else neither. */
    LOCATION("location", List.of("exact", "close", "different"));

    public static final int MISSING = -1;
    private final String label;
    private final List<String> levels;

    Field(String label, List<String> levels) {
        this.label = label;
        this.levels = levels;
    }

    public String label() {
        return label;
    }

    public List<String> levels() {
        return levels;
    }
}
