package org.evergreencrm.api.lead;

import java.time.Instant;

/**
 * A polled lead source (a {@link LeadFeed} plugin or a provider API configured in {@code etc/}): the cursor it will be
 * asked from next, when it was last polled and last succeeded, the last error, and how often it was polled and failed.
 */
public record FeedState(String name, String cursor, Instant lastPollAt, Instant lastSuccessAt, String lastError, long polls,
        long failures) {
}
