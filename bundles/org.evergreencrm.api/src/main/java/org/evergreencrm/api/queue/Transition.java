package org.evergreencrm.api.queue;

import java.time.Duration;

/**
 * What a call outcome does to a contact in a bucket.
 *
 * @param action {@code RETRY} (same bucket after {@code delay}), {@code MOVE} (to {@code toBucket} after
 *        {@code delay}) or {@code FINISH} (leaves the queue with {@code finalState})
 * @param delay ISO-8601 in JSON ({@code PT2H}, {@code P1D}, {@code PT10M}); for a {@code CALLBACK} outcome the
 *        requested callback time is used instead
 */
public record Transition(CallOutcome outcome, Action action, String toBucket, Duration delay, String finalState) {
    public enum Action {
        RETRY, MOVE, FINISH
    }
}
