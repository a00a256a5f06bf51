package org.evergreencrm.api.enrichment;

import java.time.Instant;

/**
 * A re-enrichment run over every contact with an address (addresses standardized again first, e.g. after a ZIP
 * import): {@code QUEUED}, {@code RUNNING}, {@code DONE} or {@code FAILED}, with progress.
 */
public record EnrichmentJob(long id, String state, long total, long done, long failed, String startedBy, Instant startedAt,
        Instant finishedAt, String message) {
}
