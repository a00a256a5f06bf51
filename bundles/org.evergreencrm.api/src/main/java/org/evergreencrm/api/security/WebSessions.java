package org.evergreencrm.api.security;

import java.util.Optional;

/**
 * Browser sessions for the console: the REST API accepts a session cookie (plus the CSRF header on every
 * state-changing request) as well as HTTP Basic, and the console's WebSocket signs in with a one-time ticket taken
 * with the session. Sessions are stored, so every node of a cluster knows them and a restart keeps people signed in.
 */
@org.osgi.annotation.versioning.ProviderType
public interface WebSessions {
    /** The session cookie's name. */
    String COOKIE = "EVERGREEN_SESSION";
    /** The request header carrying the session's CSRF token. */
    String CSRF_HEADER = "X-CSRF-Token";

    /** Opens a session for a user whose password was just checked. */
    WebSession open(User user);

    /** The live session with this token, extending its idle timeout; empty when unknown, expired or closed. */
    Optional<WebSession> find(String token);

    /** Ends the session (logout); unknown tokens are ignored. */
    void close(String token);

    /** Ends every session of a user (deactivation, password change). */
    void closeAll(long userId);

    /** A one-time ticket, valid for a few seconds, that signs a WebSocket in as this session's user. */
    String ticket(WebSession session);

    /** The session a ticket was issued for; the ticket is used up either way. */
    Optional<WebSession> redeem(String ticket);
}
