package org.evergreencrm.api.store;

import java.time.Instant;

import org.evergreencrm.api.dedup.DedupJobs;

/**
 * A persisted run of the batch duplicate search: its status, the node running it and its last heartbeat, the
 * learned model once learning is done (JSON), and how often it was resumed after a restart.
 */
public record DedupJobRow(long id, DedupJobs.Status status, String startedBy, String node, Instant heartbeatAt,
        String model, int resumes) {
}
