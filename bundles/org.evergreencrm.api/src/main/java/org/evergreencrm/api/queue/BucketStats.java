package org.evergreencrm.api.queue;

import java.util.Map;

/**
 * One bucket's numbers: contacts waiting, due now, held by reps, blocked by compliance (by reason code), and how
 * many contacts have had how many attempts.
 */
public record BucketStats(long bucketId, String name, int weight, long queued, long dueNow, long claimed, long blocked,
        Map<String, Long> blockedBy, Map<Integer, Long> attempts) {
}
