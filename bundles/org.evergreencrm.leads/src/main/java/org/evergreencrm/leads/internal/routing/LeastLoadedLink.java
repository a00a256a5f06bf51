package org.evergreencrm.leads.internal.routing;

import java.util.List;

import org.evergreencrm.api.lead.LeadRoutingStrategy.Narrowed;
import org.evergreencrm.api.lead.LeadRoutingStrategy.RoutingRequest;
import org.evergreencrm.api.security.User;

/** Workload balance: keeps the reps holding the fewest open leads (contacts still open that they own). */
final class LeastLoadedLink implements Link {
    @Override
    public String name() {
        return "least-loaded";
    }

    @Override
    public String rule() {
        return "the reps with the fewest open leads (not yet customer or unqualified)";
    }

    @Override
    public Narrowed narrow(RoutingRequest lead, List<User> candidates, RoutingBatch batch) {
        long min = candidates.stream().mapToLong(u -> batch.openLeads.getOrDefault(u.id(), 0L)).min().orElse(0);
        List<User> keep = candidates.stream().filter(u -> batch.openLeads.getOrDefault(u.id(), 0L) == min).toList();
        if (keep.size() == candidates.size()) {
            return new Narrowed(candidates, candidates.size() > 1 ? "equal workload (" + min + " open each)" : null);
        }
        return new Narrowed(keep, "fewest open leads (" + min + "): " + Link.names(keep));
    }
}
