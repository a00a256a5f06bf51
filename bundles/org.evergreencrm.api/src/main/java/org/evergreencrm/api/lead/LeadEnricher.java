package org.evergreencrm.api.lead;

/**
 * SPI: an optional step of the intake pipeline, contributed as an OSGi service by the bundle that can do it. The
 * {@link Stage#ADDRESS} steps (standardization, validation, geocoding) run first, then the
 * {@link Stage#ENRICHMENT} steps (property data, demographics), each in {@code service.ranking} order (highest
 * first). With none installed the stage is skipped. A step that throws is logged and noted on the lead, and the
 * lead goes on without it: enrichment never costs a lead.
 */
public interface LeadEnricher {
    enum Stage { ADDRESS, ENRICHMENT }

    /** Short name, shown in the lead's notes. */
    String name();

    Stage stage();

    /**
     * The improved profile (a standardized address in {@link LeadProfile#contact()}, a {@link GeoPoint}, notes), or
     * the same profile when there is nothing to add. Must keep the contact valid.
     */
    LeadProfile enrich(LeadProfile lead) throws Exception;
}
