package org.evergreencrm.api.enrichment;

import java.time.Instant;

import org.evergreencrm.api.address.StandardAddress;
import org.evergreencrm.api.lead.GeoPoint;

/**
 * What is enriched: a contact ({@code contactId}) or a lead still in intake ({@code contactId} null), by its
 * standardized address (may be null when none could be made), its point (null when not geocoded) and ZIP / state
 * (from the address or as typed), at {@code now}.
 */
public record EnrichmentSubject(Long contactId, StandardAddress address, GeoPoint point, String zipcode, String state, Instant now) {
}
