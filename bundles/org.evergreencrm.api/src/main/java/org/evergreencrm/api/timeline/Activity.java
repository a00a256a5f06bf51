package org.evergreencrm.api.timeline;

import java.time.Instant;

/**
 * One entry of a contact's timeline.
 *
 * @param kind    see {@link ActivityKinds}, or a plugin's own (upper case, e.g. {@code ROOF_INSPECTED})
 * @param actor   the username behind it, {@code system} for automatic steps
 * @param summary one line for people
 * @param payload the details as a JSON object (e.g. the routing reason, the outcome, the merge id)
 */
public record Activity(long id, long contactId, Instant at, String kind, String actor, String summary, String payload) {
}
