package org.evergreencrm.rest.internal;


import java.security.Principal;
import java.util.Arrays;
import java.util.Optional;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.rest.internal.problem.Problems;

/**
 * Every request but the OpenAPI document must authenticate. Credentials are checked by the {@code evergreen}
 * JAAS realm (so the same users and hashing serve any other Karaf entry point); the user's role and team then
 * come from the user table. Only HTTP Basic is accepted today; another scheme (a bearer token) is another
 * branch on the Authorization header here.
 */
@PreMatching
public final class AuthenticationFilter implements ContainerRequestFilter {
    static final String REALM = "evergreen";
    private final UserService users;
    private final ActorCache cache;
    /** Failed sign-ins per client address (bounds the KDF work one client can cause): 20 free, then locked. */
    private final org.evergreencrm.api.security.LoginThrottle perAddress = new org.evergreencrm.api.security.LoginThrottle(
            20, java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(15), java.time.Clock.systemUTC());
    @javax.ws.rs.core.Context
    private javax.servlet.http.HttpServletRequest servletRequest;

    public AuthenticationFilter(UserService users, ActorCache cache) {
        this.users = users;
        this.cache = cache;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.equals("openapi.json") || path.equals("/openapi.json")) {
            return;
        }
        Optional<Credentials> credentials = Credentials.fromBasic(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (credentials.isEmpty()) {
            request.abortWith(unauthorized("send HTTP Basic credentials (Authorization: Basic ...)"));
            return;
        }
        String key = ActorCache.key(credentials.get());
        long now = System.currentTimeMillis();
        Actor actor = cache.get(key, now).orElse(null);
        if (actor == null) {
            String address = address();
            Optional<java.time.Instant> locked = address == null ? Optional.empty() : perAddress.lockedUntil(address);
            if (locked.isPresent()) {
                request.abortWith(tooMany(locked.get()));
                return;
            }
            Optional<User> user;
            try {
                user = login(credentials.get());
            } catch (javax.security.auth.login.AccountLockedException e) {
                request.abortWith(tooMany(java.time.Instant.now().plusSeconds(30)));
                return;
            }
            if (user.isEmpty()) {
                if (address != null) {
                    perAddress.failed(address);
                }
                request.abortWith(unauthorized("wrong username or password, or the user is deactivated"));
                return;
            }
            if (address != null) {
                perAddress.succeeded(address);
            }
            actor = Actor.of(user.get());
            cache.put(key, actor, now);
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new ActorSecurityContext(actor, secure));
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

    private static Response tooMany(java.time.Instant until) {
        long seconds = Math.max(1, java.time.Duration.between(java.time.Instant.now(), until).toSeconds());
        return Response.fromResponse(Problems.response(429, "Too many requests",
                "too many failed sign-ins; try again in " + seconds + " s")).header("Retry-After", Long.toString(seconds)).build();
    }

    private Optional<User> login(Credentials c) throws javax.security.auth.login.AccountLockedException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(AuthenticationFilter.class.getClassLoader());
        try {
            LoginContext login = new LoginContext(REALM, new Subject(), callbacks -> {
                for (Callback callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(c.username());
                    } else if (callback instanceof PasswordCallback password) {
                        password.setPassword(c.password());
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            login.login();
            return users.findByUsername(c.username()).filter(User::active);
        } catch (javax.security.auth.login.AccountLockedException e) {
            throw e;
        } catch (LoginException e) {
            return Optional.empty();
        } finally {
            Arrays.fill(c.password(), '\0');
            thread.setContextClassLoader(previous);
        }
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problems.response(401, "Unauthorized", detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Evergreen CRM\", charset=\"UTF-8\"").build();
    }

    private record ActorSecurityContext(Actor actor, boolean secure) implements SecurityContext {
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
            return SecurityContext.BASIC_AUTH;
        }
    }

}
