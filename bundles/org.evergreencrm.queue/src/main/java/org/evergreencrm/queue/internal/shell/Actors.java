package org.evergreencrm.queue.internal.shell;

import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserService;

/** {@code --as USER}: act as that user (their role, team, attempts), else as the system. */
final class Actors {
    private Actors() {
    }

    static Actor of(UserService users, String username) {
        if (username == null) {
            return Actor.system();
        }
        User u = users.findByUsername(username).orElseThrow(() -> new IllegalArgumentException("no user '" + username + "'"));
        if (!u.active()) {
            throw new IllegalArgumentException("user '" + username + "' is deactivated");
        }
        return Actor.of(u);
    }
}
