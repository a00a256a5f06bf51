package org.evergreencrm.api.dedup;

import java.util.List;
import java.util.Set;

/**
 * Online duplicate detection, provided by the dedup bundle and used by the contact service (and later by lead
 * intake) before a record is stored. Optional: without it, contacts are stored unchecked.
 */
public interface DuplicateDetector {

    /** The blocking keys of a record; stored with the record so later records find it. */
    Set<String> matchKeys(PersonRecord record);

    /** The keys and the normalized values of a record, to store beside its raw values. */
    MatchData matchData(PersonRecord record);

    /**
     * Scores an incoming record against candidates (records sharing a key) and returns those at or above the review
     * threshold, most likely first.
     */
    List<MatchResult> matches(PersonRecord incoming, List<PersonRecord> candidates);

    /** Probability at and above which a match may be merged without review. */
    double autoMergeThreshold();
}
