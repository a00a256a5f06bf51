package org.evergreencrm.smartystreets.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps a failing service from being called on every address: after {@code threshold} consecutive failures (or one
 * that cannot heal by retrying: bad credentials, no credit) calls are refused until {@code openFor} has passed; then
 * one call tries again (half open) and closes the circuit if it succeeds.
 */
final class CircuitBreaker {
    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private int failures;
    private Instant openUntil;
    private String lastFailure;

    CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = Math.max(1, threshold);
        this.openFor = openFor;
        this.clock = clock;
    }

    /** {@code null} when a call may go out, else why not. */
    synchronized String refusal() {
        if (openUntil == null) {
            return null;
        }
        if (!clock.instant().isBefore(openUntil)) {
            return null; // half open: this call tries
        }
        return "circuit open until " + openUntil + " after: " + lastFailure;
    }

    synchronized void succeeded() {
        failures = 0;
        openUntil = null;
        lastFailure = null;
    }

    synchronized void failed(String why, boolean fatal) {
        failures++;
        lastFailure = why;
        if (fatal || failures >= threshold || openUntil != null) {
            openUntil = clock.instant().plus(openFor);
        }
    }

    synchronized String state() {
        String r = refusal();
        return r != null ? r : failures == 0 ? "closed" : "closed, " + failures + " recent failure(s): " + lastFailure;
    }
}
