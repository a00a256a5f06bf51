package org.evergreencrm.api.dedup;

import java.time.Instant;

/**
 * A pair of contacts in the review queue.
 *
 * @param id queue entry id (0 before it is stored)
 * @param contactA the lower contact id
 * @param contactB the higher contact id
 * @param probability match probability when last scored
 * @param explanation field-by-field explanation as JSON
 * @param status {@code PENDING}, {@code MERGED} or {@code REJECTED}; a rejected pair is never proposed again
 */
public record CandidatePair(long id, long contactA, long contactB, double probability, String explanation,
        String status, Instant createdAt, String decidedBy, Instant decidedAt) {
    public static final String PENDING = "PENDING";
    public static final String MERGED = "MERGED";
    public static final String REJECTED = "REJECTED";
}
