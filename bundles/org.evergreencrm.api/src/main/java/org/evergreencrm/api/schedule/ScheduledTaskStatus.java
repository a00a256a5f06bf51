package org.evergreencrm.api.schedule;

import java.time.Instant;

/**
 * One scheduled task as the shared database has it.
 *
 * @param registered whether a bundle on this node offers the task now
 * @param runningOn the node running it now, or {@code null}
 * @param state     {@code RUNNING}, {@code SCHEDULED}, {@code RETRYING} (failed, will run again) or {@code FAILED}
 *                  (a one-time task that used all its attempts; {@code nextRun} is then {@code null})
 */
public record ScheduledTaskStatus(String name, String instance, Instant nextRun, Instant lastSuccess, Instant lastFailure,
        int consecutiveFailures, String runningOn, boolean registered, String state) {
}
