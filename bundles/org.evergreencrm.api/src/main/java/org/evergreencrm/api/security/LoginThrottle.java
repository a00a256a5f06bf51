package org.evergreencrm.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per key (a username, a client address): after {@code freeFailures} failures in a row the key is
 * locked, first for {@code firstLock}, each further failure doubling it up to {@code maxLock}. A success clears the
 * key. In memory, per node: a restart forgets. Thread-safe.
 */
public final class LoginThrottle {
    private record State(int failures, Instant lockedUntil, Instant lastFailure) {
    }

    private static final int MAX_KEYS = 100_000;
    private final int freeFailures;
    private final Duration firstLock;
    private final Duration maxLock;
    private final Clock clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public LoginThrottle(int freeFailures, Duration firstLock, Duration maxLock, Clock clock) {
        this.freeFailures = freeFailures;
        this.firstLock = firstLock;
        this.maxLock = maxLock;
        this.clock = clock;
    }

    /** Until when the key is locked, or empty when it may try now. */
    public Optional<Instant> lockedUntil(String key) {
        State s = states.get(key);
        Instant now = clock.instant();
        return s == null || s.lockedUntil() == null || !s.lockedUntil().isAfter(now) ? Optional.empty() : Optional.of(s.lockedUntil());
    }

    public void failed(String key) {
        Instant now = clock.instant();
        if (states.size() >= MAX_KEYS) {
            states.values().removeIf(s -> s.lastFailure().isBefore(now.minus(maxLock)));
        }
        states.compute(key, (k, s) -> {
            int failures = s == null || s.lastFailure().isBefore(now.minus(maxLock.multipliedBy(2))) ? 1 : s.failures() + 1;
            Instant until = null;
            if (failures > freeFailures) {
                int doublings = Math.min(failures - freeFailures - 1, 20);
                Duration lock = firstLock.multipliedBy(1L << doublings);
                until = now.plus(lock.compareTo(maxLock) > 0 ? maxLock : lock);
            }
            return new State(failures, until, now);
        });
    }

    public void succeeded(String key) {
        states.remove(key);
    }
}
