package org.evergreencrm.api.queue;

import java.time.Instant;

/** What recording an outcome did: where the contact is now and when it is due, or how it finished. */
public record OutcomeResult(long attemptId, long contactId, CallOutcome outcome, String action, String bucket,
        Instant dueAt, String finalState, String detail) {
}
