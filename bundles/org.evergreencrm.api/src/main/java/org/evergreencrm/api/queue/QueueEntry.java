package org.evergreencrm.api.queue;

import java.time.Instant;

/**
 * A contact's place in the queue. {@code status}: {@code QUEUED}, {@code CLAIMED} (a rep holds it until
 * {@code leaseUntil}), {@code FINISHED} ({@code finalState} says how). {@code blockedCode}/{@code blockedReason}
 * say why compliance last refused it (it is retried at {@code dueAt}).
 */
public record QueueEntry(long contactId, Long bucketId, String bucketName, String status, String phone,
        double priority, Instant dueAt, Instant enteredAt, Instant lastAttemptAt, Instant callbackAt, Long reservedFor,
        int attemptsTotal, int attemptsInBucket, Long claimedBy, Long attemptId, Instant leaseUntil,
        String finalState, String blockedCode, String blockedReason) {
    public static final String QUEUED = "QUEUED";
    public static final String CLAIMED = "CLAIMED";
    public static final String FINISHED = "FINISHED";
}
