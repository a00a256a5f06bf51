package org.evergreencrm.api.lead;

import java.time.Instant;

/** One lead source's health: leads taken in, dead letters still open, spam caught, when it last delivered. */
public record SourceHealth(String source, long leads, long openDeadLetters, long spam, Instant lastReceived, Instant lastFailure) {
}
