package org.evergreencrm.api.queue;

import java.time.Instant;

/** One event in a contact's queue history: ENTERED, MOVED, OUTCOME, BLOCKED, EXPIRED, FINISHED (claims are the attempts). */
public record HistoryEvent(long id, Instant at, String event, Long bucketId, String actor, String detail) {
}
