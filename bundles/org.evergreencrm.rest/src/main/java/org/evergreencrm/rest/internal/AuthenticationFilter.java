package org.evergreencrm.rest.internal;

import java.security.MessageDigest;
import java.security.Principal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.api.security.WebSession;
import org.evergreencrm.api.security.WebSessions;
import org.evergreencrm.rest.internal.problem.Problems;

/**
 * Every request but the OpenAPI document and the console's sign-in must authenticate, with HTTP Basic (checked by the
 * {@code evergreen} JAAS realm, see {@link PasswordLogin}) or with the console's session cookie. A request signed in by
 * the cookie must echo the session's CSRF token in {@value WebSessions#CSRF_HEADER} unless it only reads (GET, HEAD,
 * OPTIONS). The user's role and team come from the user table either way.
 */
@PreMatching
public final class AuthenticationFilter implements ContainerRequestFilter {
    /** Header the console sends so a 401 carries no Basic challenge (which would open the browser's own login box). */
    static final String CLIENT_HEADER = "X-Evergreen-Client";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private final UserService users;
    private final ActorCache cache;
    private final PasswordLogin passwords;
    private final Supplier<WebSessions> sessions;
    @javax.ws.rs.core.Context
    private javax.servlet.http.HttpServletRequest servletRequest;

    public AuthenticationFilter(UserService users, ActorCache cache, PasswordLogin passwords, Supplier<WebSessions> sessions) {
        this.users = users;
        this.cache = cache;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.equals("openapi.json") || path.equals("/openapi.json")) {
            return;
        }
        if ("POST".equals(request.getMethod()) && (path.equals("session") || path.equals("/session"))) {
            return; // the console's sign-in: checks the password itself
        }
        boolean console = request.getHeaderString(CLIENT_HEADER) != null;
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Cookie cookie = request.getCookies().get(WebSessions.COOKIE);
        if (authorization == null && cookie != null) {
            bySession(request, cookie.getValue());
            return;
        }
        Optional<Credentials> credentials = Credentials.fromBasic(authorization);
        if (credentials.isEmpty()) {
            request.abortWith(unauthorized("sign in: send HTTP Basic credentials (Authorization: Basic ...) or the console's session cookie", console));
            return;
        }
        String key = ActorCache.key(credentials.get());
        long now = System.currentTimeMillis();
        Actor actor = cache.get(key, now).orElse(null);
        if (actor == null) {
            PasswordLogin.Result result = passwords.check(credentials.get().username(), credentials.get().password(), address());
            if (result instanceof PasswordLogin.Locked locked) {
                request.abortWith(tooMany(locked.until()));
                return;
            }
            if (!(result instanceof PasswordLogin.SignedIn in)) {
                request.abortWith(unauthorized("wrong username or password, or the user is deactivated", console));
                return;
            }
            actor = Actor.of(in.user());
            cache.put(key, actor, now);
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new ActorSecurityContext(actor, secure, SecurityContext.BASIC_AUTH));
    }

    private void bySession(ContainerRequestContext request, String token) {
        WebSessions store = sessions.get();
        Optional<WebSession> session = store == null ? Optional.empty() : store.find(token);
        if (session.isEmpty()) {
            request.abortWith(unauthorized("the session has ended; sign in again", true));
            return;
        }
        if (!READS.contains(request.getMethod())) {
            String sent = request.getHeaderString(WebSessions.CSRF_HEADER);
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    session.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
                request.abortWith(Problems.response(403, "Forbidden", "a request that changes something must carry the session's "
                        + WebSessions.CSRF_HEADER + " header (it is missing or wrong)"));
                return;
            }
        }
        String key = "session:" + session.get().userId() + ":" + session.get().createdAt().toEpochMilli();
        long now = System.currentTimeMillis();
        Actor actor = cache.get(key, now).orElse(null);
        if (actor == null) {
            Optional<User> user;
            try {
                user = Optional.of(users.getUser(Actor.system(), session.get().userId())).filter(User::active);
            } catch (org.evergreencrm.api.NotFoundException e) {
                user = Optional.empty();
            }
            if (user.isEmpty()) {
                store.close(token);
                request.abortWith(unauthorized("the user is deactivated", true));
                return;
            }
            actor = Actor.of(user.get());
            cache.put(key, actor, now);
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new ActorSecurityContext(actor, secure, "SESSION"));
    }

    /** The client's address, or {@code null} when it cannot be told (then only the per-user lock-out applies). */
    private String address() {
        try {
            if (servletRequest != null) {
                return servletRequest.getRemoteAddr();
            }
        } catch (RuntimeException e) {
            // no request bound to this thread's proxy: ask CXF's message below
        }
        org.apache.cxf.message.Message message = org.apache.cxf.phase.PhaseInterceptorChain.getCurrentMessage();
        Object request = message == null ? null : message.get("HTTP.REQUEST");
        return request instanceof javax.servlet.http.HttpServletRequest r ? r.getRemoteAddr() : null;
    }

    static Response tooMany(java.time.Instant until) {
        long seconds = Math.max(1, java.time.Duration.between(java.time.Instant.now(), until).toSeconds());
        return Response.fromResponse(Problems.response(429, "Too many requests",
                "too many failed sign-ins; try again in " + seconds + " s")).header("Retry-After", Long.toString(seconds)).build();
    }

    private static Response unauthorized(String detail, boolean console) {
        Response problem = Problems.response(401, "Unauthorized", detail);
        if (console) {
            return problem;
        }
        return Response.fromResponse(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Evergreen CRM\", charset=\"UTF-8\"").build();
    }

    private record ActorSecurityContext(Actor actor, boolean secure, String scheme) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return new ActorPrincipal(actor);
        }

        @Override
        public boolean isUserInRole(String role) {
            return actor.role().roleName().equals(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return scheme;
        }
    }

}
