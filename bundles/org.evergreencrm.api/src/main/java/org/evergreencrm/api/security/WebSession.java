package org.evergreencrm.api.security;

import java.time.Instant;

/**
 * A signed-in browser session of the console.
 *
 * @param token the secret in the HttpOnly session cookie (only ever known to the browser and, hashed, to the store)
 * @param csrfToken what every state-changing request of this session must echo in the {@value WebSessions#CSRF_HEADER} header
 * @param userId who signed in
 * @param createdAt when they signed in
 * @param expiresAt when the session ends unless used before (idle timeout), never after the absolute limit
 */
public record WebSession(String token, String csrfToken, long userId, Instant createdAt, Instant expiresAt) {
    @Override
    public String toString() {
        return "WebSession[user " + userId + ", expires " + expiresAt + "]"; // never the secrets
    }
}
