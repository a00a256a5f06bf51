package org.evergreencrm.api.dedup;

import java.time.Instant;

/**
 * The audit of one merge: both records as they were, the survivor as it became, and where each field came from —
 * enough to undo it exactly.
 *
 * @param survivorBefore JSON of the survivor before the merge
 * @param loserBefore JSON of the merged-away contact before the merge
 * @param survivorAfter JSON of the survivor after the merge
 * @param fieldSources JSON object: field name → "survivor", "loser" or "both"
 */
public record MergeRecord(long id, long survivorId, long loserId, Double probability, String survivorBefore,
        String loserBefore, String survivorAfter, String fieldSources, String mergedBy, Instant mergedAt,
        String undoneBy, Instant undoneAt) {
}
