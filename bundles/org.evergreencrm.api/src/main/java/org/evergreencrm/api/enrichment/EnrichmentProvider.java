package org.evergreencrm.api.enrichment;

import java.util.List;

/**
 * SPI: one source of enrichment, registered as an OSGi service; {@code service.ranking} orders them (highest first)
 * where two give the same field. A provider that throws is recorded as failed for that subject and the others go on:
 * enrichment never blocks a contact or a lead.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface EnrichmentProvider {
    /** Short stable name, stored with each value ({@code branch}, {@code neighborhood}, {@code market}, {@code attom}). */
    String name();

    /** What it adds, in one line (shown in {@code crm:enrich-providers} and the console). */
    String description();

    /** Whether it needs a vendor (costs money, may be down) or is computed here. */
    default boolean external() {
        return false;
    }

    /** The values it knows for this place; empty when it has nothing to say (e.g. no point, no data for the ZIP). */
    List<EnrichmentValue> enrich(EnrichmentSubject subject) throws Exception;

    /** Its state in one line: configured, requests, failures. */
    default String status() {
        return "ready";
    }
}
