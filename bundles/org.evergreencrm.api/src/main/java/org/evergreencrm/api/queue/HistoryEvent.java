package org.evergreencrm.api.queue;

import java.time.Instant;

/** One event in a contact's queue history: ENTERED, MOVED, CLAIMED, OUTCOME, BLOCKED, EXPIRED, FINISHED, MERGED. */
public record HistoryEvent(long id, Instant at, String event, Long bucketId, String actor, String detail) {
}
