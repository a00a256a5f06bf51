package org.evergreencrm.api.dedup;

/**
 * SPI for bundles that keep records linked to contacts (activities, tasks, pipeline items, call-queue state,
 * consent and DNC records): when contacts merge, move what points at the loser to the survivor; on undo, move it
 * back. Implementations are OSGi services; the merge service calls every one registered, after the merge (or undo)
 * of the contacts has committed — so each call must be idempotent, and a participant that fails leaves the contact
 * merge in place (it is logged by the caller's error and can be retried).
 */
public interface MergeParticipant {

    /** Moves the records linked to {@code loserId} to {@code survivorId}; remember what moved under {@code mergeId}. */
    void merged(long mergeId, long survivorId, long loserId);

    /** Moves back what {@link #merged} moved for {@code mergeId}. */
    void undone(long mergeId, long survivorId, long loserId);
}
