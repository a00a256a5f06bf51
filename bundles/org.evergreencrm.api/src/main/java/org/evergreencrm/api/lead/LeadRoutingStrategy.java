package org.evergreencrm.api.lead;

import java.util.List;

import org.evergreencrm.api.security.User;

/**
 * SPI: one link of the lead-assignment chain. The chain ({@code routingChain} in
 * {@code etc/org.evergreencrm.leads.cfg}) names built-in strategies ({@code availability}, {@code territory},
 * {@code caps}, {@code least-loaded}, {@code performance}, {@code round-robin}) and strategies contributed as
 * services by plugins (the scoring bundle's rep matching). Each link narrows the active reps still in the running;
 * the last one left gets the lead. A named strategy that is not installed is skipped, and the reason says so.
 */
public interface LeadRoutingStrategy {
    /** The name the chain refers to. */
    String name();

    /**
     * Narrows {@code candidates} (never empty) for this lead. Return them all, with a {@code null} reason, to pass;
     * return none to leave the lead unassigned for a manager.
     */
    Narrowed narrow(RoutingRequest lead, List<User> candidates);

    /** What a link kept and why, in words ("territory FL: rick, rita"); {@code reason} may be null when it kept all. */
    record Narrowed(List<User> keep, String reason) {
        public Narrowed {
            keep = List.copyOf(keep);
        }
    }

    /** The lead being routed: its profile (contact, location), its score if scored, the source. */
    record RoutingRequest(LeadProfile profile, Double score) {
    }
}
