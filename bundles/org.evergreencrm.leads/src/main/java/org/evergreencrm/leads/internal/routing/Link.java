package org.evergreencrm.leads.internal.routing;

import java.util.List;

import org.evergreencrm.api.lead.LeadRoutingStrategy.Narrowed;
import org.evergreencrm.api.lead.LeadRoutingStrategy.RoutingRequest;
import org.evergreencrm.api.security.User;

/** A built-in link of the assignment chain: like a {@link org.evergreencrm.api.lead.LeadRoutingStrategy}, with the batch's counts. */
interface Link {
    String name();

    /** What it does with the current settings, in words (for {@code crm:lead-routing} and the REST API). */
    String rule();

    Narrowed narrow(RoutingRequest lead, List<User> candidates, RoutingBatch batch);

    static String names(List<User> reps) {
        return String.join(", ", reps.stream().map(User::username).toList());
    }
}
