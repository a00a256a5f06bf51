package org.evergreencrm.api.address;

import org.evergreencrm.api.contact.PostalAddress;

/**
 * A contact's address as typed (never changed by standardization) beside its standardized form, with a note on
 * what was used ({@code "geocoded at ZIP centroid; time zone from county"}).
 */
public record ContactAddress(long contactId, PostalAddress raw, StandardAddress standard, String note) {
}
