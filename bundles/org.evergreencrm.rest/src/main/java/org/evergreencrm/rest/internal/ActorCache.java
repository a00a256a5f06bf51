package org.evergreencrm.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.UserEvents;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;

/**
 * Remembers, for {@value #TTL_MILLIS} ms, which actor a pair of Basic credentials authenticated as, so a client
 * sending the same credentials on every call pays the JAAS login and user lookup once. Keys are SHA-256
 * fingerprints, never passwords. Any user change (password, role, team, deactivation) empties it at once.
 */
@Component(service = {ActorCache.class, EventHandler.class},
        property = "event.topics=" + UserEvents.TOPIC_PREFIX + "*")
public final class ActorCache implements EventHandler {
    static final long TTL_MILLIS = 60_000;
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Actor actor, long expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    Optional<Actor> get(String key, long now) {
        Entry e = entries.get(key);
        if (e == null || e.expiresAt() <= now) {
            return Optional.empty();
        }
        return Optional.of(e.actor());
    }

    void put(String key, Actor actor, long now) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> e.expiresAt() <= now);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key, new Entry(actor, now + TTL_MILLIS));
    }

    @Override
    public void handleEvent(Event event) {
        entries.clear();
    }

    static String key(Credentials c) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(c.username().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(new String(c.password()).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
