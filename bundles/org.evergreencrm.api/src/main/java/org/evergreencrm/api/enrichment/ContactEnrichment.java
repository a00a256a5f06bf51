package org.evergreencrm.api.enrichment;

import java.time.Instant;
import java.util.List;

/** A contact's stored enrichment: every value with its source and time, how each provider did, when it last ran. */
public record ContactEnrichment(long contactId, List<EnrichmentValue> values, List<ProviderRun> runs, Instant enrichedAt) {
    public ContactEnrichment {
        values = List.copyOf(values);
        runs = List.copyOf(runs);
    }
}
