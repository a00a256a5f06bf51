package org.evergreencrm.api.enrichment;

import java.time.Instant;

/** How one provider did on one subject the last time: {@code OK}, {@code NOTHING} (no data for it) or {@code FAILED}. */
public record ProviderRun(String provider, String outcome, int values, String message, Instant at) {
}
