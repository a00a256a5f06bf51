package org.evergreencrm.rest.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AccountLockedException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.evergreencrm.api.security.LoginThrottle;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserService;

/**
 * Checks a username and password against the {@code evergreen} JAAS realm (the same users and hashing for HTTP Basic,
 * the console's sign-in and any other Karaf entry point), bounding failed attempts per client address.
 */
public final class PasswordLogin {
    static final String REALM = "evergreen";

    /** What a sign-in came to. */
    public sealed interface Result {
    }

    public record SignedIn(User user) implements Result {
    }

    public record Refused() implements Result {
    }

    public record Locked(Instant until) implements Result {
    }

    private final UserService users;
    /** Failed sign-ins per client address (bounds the KDF work one client can cause): 20 free, then locked. */
    private final LoginThrottle perAddress = new LoginThrottle(20, Duration.ofSeconds(30), Duration.ofMinutes(15), Clock.systemUTC());

    public PasswordLogin(UserService users) {
        this.users = users;
    }

    /** Checks the password and wipes it; {@code address} may be {@code null} (then only the per-user lock-out applies). */
    public Result check(String username, char[] password, String address) {
        Optional<Instant> locked = address == null ? Optional.empty() : perAddress.lockedUntil(address);
        if (locked.isPresent()) {
            Arrays.fill(password, '\0');
            return new Locked(locked.get());
        }
        Optional<User> user;
        try {
            user = login(username, password);
        } catch (AccountLockedException e) {
            return new Locked(Instant.now().plusSeconds(30));
        }
        if (user.isEmpty()) {
            if (address != null) {
                perAddress.failed(address);
            }
            return new Refused();
        }
        if (address != null) {
            perAddress.succeeded(address);
        }
        return new SignedIn(user.get());
    }

    private Optional<User> login(String username, char[] password) throws AccountLockedException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PasswordLogin.class.getClassLoader());
        try {
            LoginContext login = new LoginContext(REALM, new Subject(), callbacks -> {
                for (Callback callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(username);
                    } else if (callback instanceof PasswordCallback pw) {
                        pw.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            login.login();
            return users.findByUsername(username).filter(User::active);
        } catch (AccountLockedException e) {
            throw e;
        } catch (LoginException e) {
            return Optional.empty();
        } finally {
            Arrays.fill(password, '\0');
            thread.setContextClassLoader(previous);
        }
    }
}
