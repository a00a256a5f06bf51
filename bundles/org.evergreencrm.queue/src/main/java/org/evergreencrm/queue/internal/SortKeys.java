package org.evergreencrm.queue.internal;

import java.time.Instant;

import org.evergreencrm.api.queue.QueueOrder;

/** A bucket's order as one ascending number, so one index ({@code bucket_id, status, sort_key}) serves every order. */
final class SortKeys {
    private static final double NO_CALLBACK = 1e12;

    private SortKeys() {
    }

    static double of(QueueOrder order, double priority, Instant enteredAt, Instant lastAttemptAt, Instant callbackAt) {
        return switch (order) {
            case SCORE -> -priority;
            case AGE -> enteredAt.getEpochSecond();
            case LAST_ATTEMPT -> lastAttemptAt == null ? 0 : lastAttemptAt.getEpochSecond();
            case CALLBACK -> callbackAt == null ? NO_CALLBACK : callbackAt.getEpochSecond();
        };
    }
}
