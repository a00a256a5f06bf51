package org.evergreencrm.api.dedup;

import java.util.List;

import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.security.Actor;

/**
 * Merges two contacts into one and undoes merges. Phones, e-mails and tags are kept from both; for single-valued
 * fields the most recently updated non-empty value wins; custom fields are combined (the survivor's value wins).
 * The merged-away contact is soft-deleted and every {@link MergeParticipant} moves its linked records.
 */
public interface MergeService {

    /** Merges {@code loserId} into {@code survivorId}. Both must be visible to the actor. */
    MergeRecord merge(Actor actor, long survivorId, long loserId, Double probability);

    /** Restores both contacts exactly as they were before the merge (contents; versions move on). */
    Contact undo(Actor actor, long mergeId);

    /** Merges of contacts the actor may see (the survivor now and the merged-away contact as it was), newest first. */
    List<MergeRecord> history(Actor actor, int limit);

    /** The review queue as the actor may see it: pending pairs both of whose contacts they may read. */
    List<CandidatePair> pending(Actor actor, int limit);

    /** A queued pair, when the actor may read both contacts (else the contact service's refusal). */
    CandidatePair candidate(Actor actor, long pairId);

    /** Marks a pair not duplicates (never proposed again); the actor must be able to read both contacts. */
    CandidatePair reject(Actor actor, long pairId);
}
