package org.evergreencrm.api.contact;

/** A postal address as entered. {@code country} is an ISO 3166-1 alpha-2 code. */
public record PostalAddress(String line1, String line2, String city, String state, String postalCode, String country) {
}
