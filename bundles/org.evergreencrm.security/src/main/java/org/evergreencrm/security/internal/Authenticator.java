package org.evergreencrm.security.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.evergreencrm.api.security.User;
import org.evergreencrm.api.store.UserRepository;

/**
 * Checks a username and password against the stored KDF hash. A successful check is remembered for a short
 * time under a SHA-256 fingerprint of the pair (never the password), so HTTP Basic calls don't each pay
 * the deliberately slow KDF; any change to users clears the memory at once.
 */
public final class Authenticator {
    private record Remembered(long userId, long expiresAt) {
    }

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final long cacheMillis;
    private final Map<String, Remembered> verified = new ConcurrentHashMap<>();
    /** Failed sign-ins per username: 5 free, then locked 30 s, doubling up to 15 minutes. */
    private final org.evergreencrm.api.security.LoginThrottle throttle;
    /** Compared against when the user is unknown or deactivated, so every wrong answer costs the same time. */
    private final String decoy;

    public Authenticator(UserRepository users, PasswordHasher hasher, Clock clock, long cacheMillis) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
        this.cacheMillis = cacheMillis;
        this.throttle = new org.evergreencrm.api.security.LoginThrottle(5, java.time.Duration.ofSeconds(30),
                java.time.Duration.ofMinutes(15), clock);
        this.decoy = hasher.hash(java.util.UUID.randomUUID().toString().toCharArray());
    }

    /** Until when sign-ins as this user are refused after repeated failures, or empty. */
    public Optional<java.time.Instant> lockedUntil(String username) {
        return username == null ? Optional.empty() : throttle.lockedUntil(username.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /** The active user with this username and password, or empty; refused without a check while locked. */
    public Optional<User> authenticate(String username, char[] password) {
        if (username == null || password == null || username.isBlank()) {
            return Optional.empty();
        }
        String who = username.trim().toLowerCase(java.util.Locale.ROOT);
        if (throttle.lockedUntil(who).isPresent()) {
            return Optional.empty();
        }
        Optional<User> user = check(username, password);
        if (user.isPresent()) {
            throttle.succeeded(who);
        } else {
            throttle.failed(who);
        }
        return user;
    }

    private Optional<User> check(String username, char[] password) {
        String key = PasswordHasher.fingerprint(username, password);
        long now = clock.millis();
        Remembered hit = verified.get(key);
        if (hit != null && hit.expiresAt() > now) {
            return users.find(hit.userId()).filter(User::active);
        }
        Optional<String> hash = users.activePasswordHash(username);
        if (hash.isEmpty()) {
            hasher.verify(password, decoy); // as slow as a wrong password: no user enumeration by timing
            return Optional.empty();
        }
        if (!hasher.verify(password, hash.get())) {
            return Optional.empty();
        }
        Optional<User> user = users.findByUsername(username).filter(User::active);
        if (cacheMillis > 0 && user.isPresent()) {
            verified.put(key, new Remembered(user.get().id(), now + cacheMillis));
        }
        return user;
    }

    /** Forget every remembered check (a user changed: password, role, active flag). */
    public void forgetAll() {
        verified.clear();
    }
}
