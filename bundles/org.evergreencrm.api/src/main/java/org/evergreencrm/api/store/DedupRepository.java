package org.evergreencrm.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.evergreencrm.api.dedup.CandidatePair;
import org.evergreencrm.api.dedup.MergeRecord;

/** The review queue of candidate duplicate pairs and the merge audit. */
public interface DedupRepository {

    /**
     * Adds pairs to the review queue: new pairs as PENDING, PENDING ones re-scored; pairs already MERGED or
     * REJECTED are left alone (a rejected pair is never proposed again).
     *
     * @return how many pairs were added
     */
    int offer(List<CandidatePair> pairs, Instant now);

    /** PENDING pairs, most likely first. */
    List<CandidatePair> pending(int limit);

    Optional<CandidatePair> candidate(long id);

    /** Contacts that a reviewer said are not duplicates of this one. */
    java.util.Set<Long> rejectedPartners(long contactId);

    /** Sets the status of a pair (by its two contact ids, in either order), creating the entry when missing. */
    void decide(long contactA, long contactB, String status, String by, Instant now);

    /**
     * Applies a merge in one transaction: the survivor gets its merged fields (refused with a conflict if it changed
     * since it was read), the loser is soft-deleted, the audit is written and the pair is marked MERGED.
     */
    MergeRecord applyMerge(MergeRecord audit, org.evergreencrm.api.contact.ContactDraft survivor,
            org.evergreencrm.api.dedup.MatchData survivorData, long survivorVersion, long loserVersion);

    /** Undoes a merge in one transaction: both contacts get their former fields back, the loser is live again. */
    void applyUndo(long mergeId, org.evergreencrm.api.contact.ContactDraft survivor, org.evergreencrm.api.dedup.MatchData survivorData,
            org.evergreencrm.api.contact.ContactDraft loser, org.evergreencrm.api.dedup.MatchData loserData, String by, Instant now);

    Optional<MergeRecord> merge(long id);

    List<MergeRecord> merges(int limit);

    /** Records a new run of the batch search; returns its id. */
    long createJob(org.evergreencrm.api.dedup.DedupJobs.Status status, String startedBy, String node, Instant now);

    /** Saves a run's state and progress, and this node's heartbeat. */
    void saveJob(long id, org.evergreencrm.api.dedup.DedupJobs.Status status, Instant heartbeat);

    /** Checkpoint: the model learned by the run (JSON), so a resumed run need not learn it again. */
    void saveJobModel(long id, String model);

    /** The latest run, if any. */
    Optional<DedupJobRow> lastJob();

    /**
     * Takes over a RUNNING run whose heartbeat is older than {@code staleBefore} (its node stopped): true when
     * {@code node} now owns it. Atomic, so of several nodes only one resumes it.
     */
    boolean takeOverJob(long id, String node, Instant staleBefore, Instant now);
}
