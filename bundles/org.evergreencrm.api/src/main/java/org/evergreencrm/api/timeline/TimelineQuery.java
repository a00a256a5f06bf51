package org.evergreencrm.api.timeline;

import java.time.Instant;
import java.util.Set;

/**
 * One page of a timeline, newest first.
 *
 * @param kinds  only these kinds; empty for all
 * @param from   at or after (inclusive); {@code null} for no bound
 * @param to     before (exclusive); {@code null} for no bound
 * @param cursor the {@link TimelinePage#next()} of the previous page; {@code null} for the first
 * @param limit  1–200
 */
public record TimelineQuery(Set<String> kinds, Instant from, Instant to, String cursor, int limit) {
}
