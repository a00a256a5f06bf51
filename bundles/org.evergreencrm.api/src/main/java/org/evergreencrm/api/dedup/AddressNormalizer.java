package org.evergreencrm.api.dedup;

/**
 * Standardizes a postal address for comparison. The address bundle provides a USPS-grade implementation; without
 * it a basic one (upper case, punctuation, common suffixes and directionals) is used. Chosen by service ranking.
 */
public interface AddressNormalizer {

    /** The standardized delivery line ("12 N OAK ST APT 4"), or {@code null} when nothing usable was given. */
    String deliveryLine(String streetNumber, String addressLine);

    /** The 5-digit ZIP (or the postcode upper-cased without spaces outside the US), or {@code null}. */
    String postcode(String postcode);
}
