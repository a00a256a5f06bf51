package org.evergreencrm.security.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.evergreencrm.api.security.User;

/**
 * The login module of the {@code evergreen} JAAS realm: checks the CRM user table and grants one
 * {@link RolePrincipal} ({@code admin}, {@code manager} or {@code rep}). Karaf instantiates it through its
 * ProxyLoginModule; the realm passes the {@link Authenticator} in the options.
 */
public final class CrmLoginModule implements LoginModule {
    static final String AUTHENTICATOR_OPTION = "evergreen.authenticator";
    private Subject subject;
    private CallbackHandler handler;
    private Authenticator authenticator;
    private final Set<java.security.Principal> principals = new HashSet<>();

    @Override
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.handler = handler;
        this.authenticator = (Authenticator) options.get(AUTHENTICATOR_OPTION);
    }

    @Override
    public boolean login() throws LoginException {
        if (authenticator == null) {
            throw new LoginException("the evergreen realm is not ready");
        }
        NameCallback name = new NameCallback("Username: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            handler.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("cannot read credentials: " + e.getMessage());
        }
        char[] secret = password.getPassword();
        try {
            Optional<java.time.Instant> locked = authenticator.lockedUntil(name.getName());
            if (locked.isPresent()) {
                throw new javax.security.auth.login.AccountLockedException("too many failed sign-ins; try again after "
                        + locked.get());
            }
            Optional<User> user = authenticator.authenticate(name.getName(), secret);
            if (user.isEmpty()) {
                throw new FailedLoginException("wrong username or password, or the user is deactivated");
            }
            principals.add(new UserPrincipal(user.get().username()));
            principals.add(new RolePrincipal(user.get().role().roleName()));
            return true;
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
            password.clearPassword();
        }
    }

    @Override
    public boolean commit() {
        subject.getPrincipals().addAll(principals);
        return !principals.isEmpty();
    }

    @Override
    public boolean abort() {
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        return true;
    }
}
