package org.evergreencrm.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserDraft;
import org.evergreencrm.api.security.UserService;

@Command(scope = "crm", name = "user-deactivate", description = "Deactivate a user: they can no longer sign in or own new contacts")
@Service
public class UserDeactivateCommand implements Action {
    @Reference
    UserService users;

    @Argument(index = 0, name = "username", required = true)
    String username;

    @Override
    public Object execute() {
        User u = users.findByUsername(username).orElseThrow(() -> new IllegalArgumentException("no user '" + username + "'"));
        users.updateUser(Actor.system(), u.id(),
                new UserDraft(u.username(), u.displayName(), u.email(), u.role(), u.teamId(), false, null));
        System.out.println("Deactivated " + username);
        return null;
    }
}
