package org.evergreencrm.leads.internal.routing;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.evergreencrm.api.security.User;

/**
 * What the chain knows while it routes one batch of leads: the active reps, their availability, leads assigned
 * today and open leads (both counted up as this batch assigns), close rates, and where to take round-robin turns.
 */
public final class RoutingBatch {
    final Instant now;
    final List<User> reps;
    final Map<Long, RoutingStore.AvailabilityRow> availability;
    final Map<Long, Long> assignedToday;
    final Map<Long, Long> openLeads;
    final Map<Long, RoutingStore.CloseRate> closeRates;
    private final Turns turns;
    private final int size;

    RoutingBatch(Instant now, List<User> reps, Map<Long, RoutingStore.AvailabilityRow> availability, Map<Long, Long> assignedToday,
            Map<Long, Long> openLeads, Map<Long, RoutingStore.CloseRate> closeRates, Turns turns, int size) {
        this.now = now;
        this.reps = reps;
        this.availability = availability;
        this.assignedToday = new HashMap<>(assignedToday);
        this.openLeads = new HashMap<>(openLeads);
        this.closeRates = closeRates;
        this.turns = turns;
        this.size = size;
    }

    /** The active reps, in a stable order. */
    public List<User> reps() {
        return reps;
    }

    /** The next round-robin turn. */
    long nextTurn() {
        return turns.next(size);
    }

    /** A lead went to {@code repId}: counts up its workload for the rest of the batch. */
    void assigned(long repId) {
        assignedToday.merge(repId, 1L, Long::sum);
        openLeads.merge(repId, 1L, Long::sum);
    }

    /** Ends the batch (nothing to release today; kept so callers need not know). */
    public void close() {
        // turns are handed out by the node's block, nothing is held per batch
    }
}
