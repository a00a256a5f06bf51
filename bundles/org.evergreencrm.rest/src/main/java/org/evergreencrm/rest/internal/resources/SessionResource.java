package org.evergreencrm.rest.internal.resources;

import java.time.Instant;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.api.security.WebSession;
import org.evergreencrm.api.security.WebSessions;
import org.evergreencrm.rest.internal.ActorPrincipal;
import org.evergreencrm.rest.internal.PasswordLogin;
import org.evergreencrm.rest.internal.problem.Problems;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The console's sign-in: a session cookie (HttpOnly, SameSite=Strict) instead of a password on every call. The answer
 * carries the CSRF token the console sends back in {@value WebSessions#CSRF_HEADER} on every change.
 */
@Path("/session")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "session")
public final class SessionResource {
    private final UserService users;
    private final PasswordLogin passwords;
    private final Supplier<WebSessions> sessions;

    public SessionResource(UserService users, PasswordLogin passwords, Supplier<WebSessions> sessions) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    /** Body of POST /session. */
    public record SignIn(String username, String password) {
    }

    /** The signed-in user, as the console needs them. */
    public record SessionUser(long id, String username, String displayName, String role, Long teamId) {
        static SessionUser of(User u) {
            return new SessionUser(u.id(), u.username(), u.displayName(), u.role().name(), u.teamId());
        }
    }

    /** The answer of POST and GET /session. */
    public record SessionInfo(SessionUser user, String csrfToken, Instant expiresAt) {
    }

    /** The answer of POST /session/ticket. */
    public record LiveTicket(String ticket) {
    }

    @POST
    @Operation(summary = "Sign in to the console", description = "Sets the session cookie. 400 naming the field when one is "
            + "missing, 401 for a wrong username or password, 429 while sign-ins from this address are locked.")
    public Response signIn(SignIn body, @Context HttpServletRequest http, @Context SecurityContext security) {
        if (body == null || body.username() == null || body.username().isBlank()) {
            throw new ValidationException("username", "enter your username");
        }
        if (body.password() == null || body.password().isEmpty()) {
            throw new ValidationException("password", "enter your password");
        }
        WebSessions store = store();
        PasswordLogin.Result result = passwords.check(body.username().trim(), body.password().toCharArray(), http == null ? null : http.getRemoteAddr());
        if (result instanceof PasswordLogin.Locked locked) {
            long seconds = Math.max(1, java.time.Duration.between(Instant.now(), locked.until()).toSeconds());
            return Response.fromResponse(Problems.response(429, "Too many requests",
                    "too many failed sign-ins; try again in " + seconds + " s")).header("Retry-After", Long.toString(seconds)).build();
        }
        if (!(result instanceof PasswordLogin.SignedIn in)) {
            return Problems.response(401, "Unauthorized", "wrong username or password, or the user is deactivated");
        }
        WebSession session = store.open(in.user());
        boolean secure = (http != null && http.isSecure()) || (security != null && security.isSecure());
        String cookie = WebSessions.COOKIE + "=" + session.token() + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
        return Response.ok(new SessionInfo(SessionUser.of(in.user()), session.csrfToken(), session.expiresAt()))
                .header("Set-Cookie", cookie).build();
    }

    @GET
    @Operation(summary = "The signed-in user and the session's CSRF token", description = "401 when the session has ended.")
    public SessionInfo current(@CookieParam(WebSessions.COOKIE) String token, @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        WebSession session = token == null ? null : store().find(token).orElse(null);
        User user = users.getUser(actor, actor.userId());
        return new SessionInfo(SessionUser.of(user), session == null ? null : session.csrfToken(),
                session == null ? null : session.expiresAt());
    }

    @DELETE
    @Operation(summary = "Sign out", description = "Ends the session and clears the cookie.")
    public Response signOut(@CookieParam(WebSessions.COOKIE) String token) {
        if (token != null) {
            store().close(token);
        }
        return Response.noContent()
                .header("Set-Cookie", WebSessions.COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0").build();
    }

    @POST
    @Path("/ticket")
    @Operation(summary = "A one-time ticket for the console's live connection", description = "Valid for 30 s; "
            + "open /console/live?ticket=... with it. Only for a session signed in with the cookie.")
    public LiveTicket ticket(@CookieParam(WebSessions.COOKIE) String token) {
        WebSession session = token == null ? null : store().find(token).orElse(null);
        if (session == null) {
            throw new ValidationException("session", "the live connection needs a console session (sign in at /console/)");
        }
        return new LiveTicket(store().ticket(session));
    }

    private WebSessions store() {
        WebSessions s = sessions.get();
        if (s == null) {
            throw new javax.ws.rs.ServiceUnavailableException("the console is not installed: no browser sessions here");
        }
        return s;
    }
}
