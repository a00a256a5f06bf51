package org.evergreencrm.api.enrichment;

/**
 * Topics: the address bundle posts {@link #ADDRESS_STANDARDIZED} after it stored a contact's standardized address
 * (enrichment follows it); the enrichment bundle posts {@link #ENRICHED} after it stored a contact's values.
 */
public final class EnrichmentEvents {
    public static final String ADDRESS_STANDARDIZED = "org/evergreencrm/address/STANDARDIZED";
    public static final String ENRICHED = "org/evergreencrm/enrichment/ENRICHED";
    /** {@code Long}. */
    public static final String CONTACT_ID = "contact.id";
    /** {@code String}: who caused it, {@code system} when absent. */
    public static final String ACTOR = "actor";

    private EnrichmentEvents() {
    }
}
