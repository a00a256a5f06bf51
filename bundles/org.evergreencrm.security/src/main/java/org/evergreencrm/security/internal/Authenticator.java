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

    public Authenticator(UserRepository users, PasswordHasher hasher, Clock clock, long cacheMillis) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
        this.cacheMillis = cacheMillis;
    }

    /** The active user with this username and password, or empty. */
    public Optional<User> authenticate(String username, char[] password) {
        if (username == null || password == null || username.isBlank()) {
            return Optional.empty();
        }
        String key = PasswordHasher.fingerprint(username, password);
        long now = clock.millis();
        Remembered hit = verified.get(key);
        if (hit != null && hit.expiresAt() > now) {
            return users.find(hit.userId()).filter(User::active);
        }
        Optional<String> hash = users.activePasswordHash(username);
        if (hash.isEmpty() || !hasher.verify(password, hash.get())) {
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
