package org.evergreencrm.shell.internal;

import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserService;

/** Username ↔ id for the commands. */
final class Users {
    private Users() {
    }

    static long idOf(UserService users, String username) {
        return users.findByUsername(username).map(User::id)
                .orElseThrow(() -> new IllegalArgumentException("no user '" + username + "'"));
    }

    static String nameOf(UserService users, long id) {
        try {
            return users.getUser(Actor.system(), id).username();
        } catch (NotFoundException e) {
            return "#" + id;
        }
    }
}
