package org.evergreencrm.console.internal.live;

import java.util.Map;
import java.util.Set;

/**
 * One domain event as the console sees it.
 *
 * @param seq this node's sequence number (a client resumes after the last one it saw)
 * @param topic short topic, e.g. {@code queue.OUTCOME}
 * @param contactIds the contacts it concerns (empty: none)
 * @param ownerIds the owners of those contacts when it happened ({@code null} entries: unowned); who may see it
 * @param notices users who get it as a notification, with its text
 * @param data what the console shows; never more than a reader of the contact may see
 */
record LiveEvent(long seq, String topic, Set<Long> contactIds, Set<Long> ownerIds, Map<String, String> notices,
        Map<String, Object> data, long at) {
}
