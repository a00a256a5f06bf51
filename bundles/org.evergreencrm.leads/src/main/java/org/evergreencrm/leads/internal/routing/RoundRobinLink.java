package org.evergreencrm.leads.internal.routing;

import java.util.List;

import org.evergreencrm.api.lead.LeadRoutingStrategy.Narrowed;
import org.evergreencrm.api.lead.LeadRoutingStrategy.RoutingRequest;
import org.evergreencrm.api.security.User;

/**
 * Round-robin among the reps still in the running. The turn counter lives in the database
 * ({@code lead_routing_state}), so it survives restarts and nodes share it.
 */
final class RoundRobinLink implements Link {
    static final String STATE = "lead-round-robin";

    @Override
    public String name() {
        return "round-robin";
    }

    @Override
    public String rule() {
        return "the next rep in turn among those left (the turn survives restarts)";
    }

    @Override
    public Narrowed narrow(RoutingRequest lead, List<User> candidates, RoutingBatch batch) {
        long turn = batch.nextTurn();
        User rep = candidates.get((int) (turn % candidates.size()));
        return new Narrowed(List.of(rep), "round-robin: " + rep.username() + " is next of " + candidates.size() + " (turn " + (turn + 1) + ")");
    }
}
