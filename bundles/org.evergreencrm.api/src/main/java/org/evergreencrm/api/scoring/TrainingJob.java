package org.evergreencrm.api.scoring;

import java.time.Instant;

/**
 * A training run from an uploaded CSV: {@code QUEUED}, {@code RUNNING}, {@code DONE} or {@code FAILED}, the step it is
 * at ("training gradient-boosted trees"), how far along (0–100), the message (the error naming the mapping key or
 * column at fault when it failed) and the model it produced.
 */
public record TrainingJob(long id, String name, String state, String step, int percent, String message, Long modelId,
        String startedBy, Instant startedAt, Instant finishedAt) {
}
