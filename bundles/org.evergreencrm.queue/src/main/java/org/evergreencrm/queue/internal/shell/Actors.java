package org.evergreencrm.queue.internal.shell;

import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.UserService;

/** {@code --as USER}: act as that user (their role, team, attempts), else as the system. */
final class Actors {
    private Actors() {
    }

    static Actor of(UserService users, String username) {
        return users.actorFor(username);
    }
}
