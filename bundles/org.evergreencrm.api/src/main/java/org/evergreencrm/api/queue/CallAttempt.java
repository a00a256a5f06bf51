package org.evergreencrm.api.queue;

import java.time.Instant;

/** One claim of a contact and the outcome reported for it ({@code null} while the call is in progress). */
public record CallAttempt(long id, long contactId, Long bucketId, Long userId, String username, String phone,
        Instant claimedAt, CallOutcome outcome, Instant outcomeAt, String note) {
}
