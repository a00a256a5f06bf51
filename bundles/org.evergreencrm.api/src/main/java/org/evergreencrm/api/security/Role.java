package org.evergreencrm.api.security;

import java.util.Locale;

/** What a user may see and do. */
public enum Role {
    /** Everything. */
    ADMIN,
    /** The records of their team (and their own). */
    MANAGER,
    /** The records they own. */
    REP;

    /** The JAAS role name, as RolePrincipal carries it: {@code admin}, {@code manager}, {@code rep}. */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String value) {
        return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
