package org.evergreencrm.api.queue;

import java.time.Instant;

/** The contact a rep may call now, held for them until {@code leaseUntil}; report the outcome on {@code attemptId}. */
public record Claim(long attemptId, long contactId, String contactName, String phone, long bucketId, String bucketName,
        int attemptsTotal, Instant leaseUntil, String compliance) {
}
