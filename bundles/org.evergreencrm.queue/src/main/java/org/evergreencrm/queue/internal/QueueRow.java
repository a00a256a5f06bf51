package org.evergreencrm.queue.internal;

import java.time.Instant;

/** A queue entry as the claim and outcome paths read it (locked). */
record QueueRow(long contactId, Long bucketId, String status, String phone, String state, String postalCode,
        double priority, Instant enteredAt, Instant lastAttemptAt, Instant callbackAt, int attemptsTotal,
        int attemptsInBucket, Long claimAttempt, String blockedCode) {
}
