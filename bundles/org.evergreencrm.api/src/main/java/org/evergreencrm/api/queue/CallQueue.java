package org.evergreencrm.api.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.evergreencrm.api.security.Actor;

/**
 * The compliance-aware call queue. Admins define buckets; managers put contacts in them; reps (or a dialer) ask
 * for the next contact, which is claimed for them alone under a lease, and report the outcome, which moves the
 * contact by the bucket's transitions.
 */
public interface CallQueue {
    List<Bucket> buckets();

    Optional<Bucket> bucket(long id);

    Bucket createBucket(Actor actor, BucketDraft draft);

    /** Replaces a bucket's definition; {@code expectedVersion} guards against lost updates. */
    Bucket updateBucket(Actor actor, long id, long expectedVersion, BucketDraft draft);

    /** Deletes an empty bucket (one no contact is queued or held in). */
    void deleteBucket(Actor actor, long id);

    /**
     * Puts contacts in a bucket, due now. A contact already queued elsewhere is moved only when {@code move};
     * a finished contact is re-queued with its overall attempt count kept.
     */
    EnqueueResult enqueue(Actor actor, long bucketId, List<Long> contactIds, Double priority, boolean move);

    /** Claims the best contact the actor may call now, or empty when there is none. */
    Optional<Claim> next(Actor actor);

    /** Records a call's outcome and applies the bucket's transition, atomically with the attempt counts. */
    OutcomeResult record(Actor actor, long attemptId, OutcomeReport report);

    List<BucketStats> stats();

    /**
     * Calls per bucket, rep and outcome claimed in the last {@code days} days (1 to 366): a rep's own calls, a manager's
     * team's, an admin's everyone's.
     */
    List<OutcomeCount> outcomes(Actor actor, int days);

    /** The contact's queue entry, history, attempts and compliance decisions. */
    ContactQueueState state(Actor actor, long contactId);

    /** Returns contacts whose lease ran out to the queue; run periodically, safe on many nodes. */
    int expireLeases(Instant now);
}
