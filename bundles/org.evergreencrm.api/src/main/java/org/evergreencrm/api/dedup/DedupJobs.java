package org.evergreencrm.api.dedup;

import java.time.Instant;
import java.util.List;

import org.evergreencrm.api.security.Actor;

/**
 * The batch duplicate search over every contact: runs in the background, one at a time, shows progress, can be
 * cancelled; pairs at or above the review threshold go to the review queue (never a pair rejected before).
 */
public interface DedupJobs {

    /** Starts a run, or answers the status of the one already running. */
    Status start(Actor actor);

    Status status();

    Status cancel(Actor actor);

    /** Scored pairs of the last finished run, ids are contact ids, most likely first. */
    List<MatchResult> lastPairs();

    /** How far the stored contacts' match keys (used by the online check) are brought to this version's keys. */
    KeyRefresh keyRefresh();

    /**
     * Re-keying of stored contacts after the blocking keys changed: a background task on the platform scheduler.
     *
     * @param state RUNNING or DONE (every live contact visited)
     * @param seen contacts visited so far; {@code rekeyed} of them had other keys stored
     * @param contacts live contacts now
     */
    record KeyRefresh(int keyVersion, String state, long seen, long rekeyed, long contacts, Instant startedAt,
            Instant finishedAt) {
    }

    /**
     * @param state IDLE, RUNNING, DONE, CANCELLED or FAILED
     * @param phase what it is doing: loading, blocking, learning, scoring, queueing
     */
    record Status(String state, String phase, long done, long total, int pairs, int clusters, int queued,
            String message, Instant startedAt, Instant finishedAt) {
    }
}
