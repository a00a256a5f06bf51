package org.evergreencrm.api.queue;

import java.util.List;

import org.evergreencrm.api.compliance.DecisionRecord;

/**
 * "Why was this contact (not) called": its entry ({@code null} when it was never queued), its history, its attempts,
 * the compliance decisions about it.
 */
public record ContactQueueState(QueueEntry entry, List<HistoryEvent> history, List<CallAttempt> attempts,
        List<DecisionRecord> decisions) {
}
