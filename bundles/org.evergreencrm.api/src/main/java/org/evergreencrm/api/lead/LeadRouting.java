package org.evergreencrm.api.lead;

import java.time.Instant;
import java.util.List;

import org.evergreencrm.api.security.Actor;

/** The lead-assignment chain: its links in words, and the reps' availability (working hours, leave). */
public interface LeadRouting {
    /** One link of the chain, as configured: its name, whether it is installed, what it does with these settings. */
    record Link(String name, boolean installed, String rule) {
    }

    List<Link> chain();

    /** The branch offices configured for routing (nearest-branch enrichment uses the same list). */
    default List<BranchOffice> branches() {
        return List.of();
    }

    /** Every active rep's availability, now. */
    List<RepAvailability> availability();

    /**
     * Sets when a rep takes leads (managers for their team, admins for anyone). {@code workingHours} like
     * {@code "Mon-Fri 08:00-17:00 America/New_York"} or {@code null} (always); leave from–until or both {@code null}.
     *
     * @throws org.evergreencrm.api.ValidationException on the field at fault
     */
    RepAvailability setAvailability(Actor actor, String username, String workingHours, Instant leaveFrom, Instant leaveUntil,
            String leaveNote);
}
