package org.evergreencrm.rest.internal.dto;

import java.util.List;

/**
 * An address to verify: either free-form {@code lines} (one or several, as typed) or the fields of a structured
 * address ({@code country} an ISO code; blank means US). Not both.
 */
public record AddressRequest(List<String> lines, String line1, String line2, String city, String state,
        String postalCode, String country) {
}
