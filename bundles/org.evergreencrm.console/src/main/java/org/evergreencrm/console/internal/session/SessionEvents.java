package org.evergreencrm.console.internal.session;

/**
 * Posted when console sessions end, so the live hub closes their sockets at once: one session (sign-out, expiry) by
 * the hash of its token, or every session of a user (deactivation, a role, team or password change). Internal to the
 * console bundle; with several nodes these travel with the live events (docs/console.md).
 */
public final class SessionEvents {
    public static final String ENDED = "org/evergreencrm/console/SESSION_ENDED";
    /** {@code String}: the SHA-256 hex of the session token (what the live socket knows its session by). */
    public static final String SESSION = "session";
    /** {@code Long}: every session of this user ended. */
    public static final String USER_ID = "user.id";

    private SessionEvents() {
    }
}
