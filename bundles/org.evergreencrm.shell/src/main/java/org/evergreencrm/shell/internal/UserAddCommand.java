package org.evergreencrm.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.security.Team;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserDraft;
import org.evergreencrm.api.security.UserService;

@Command(scope = "crm", name = "user-add", description = "Add a user (rep, manager or admin)")
@Service
public class UserAddCommand implements Action {
    @Reference
    UserService users;

    @Argument(index = 0, name = "username", required = true)
    String username;
    @Option(name = "--name", description = "display name", required = true)
    String name;
    @Option(name = "--role", description = "ADMIN, MANAGER or REP")
    Role role = Role.REP;
    @Option(name = "--team", description = "team name (created when missing)")
    String team;
    @Option(name = "--email")
    String email;
    @Option(name = "--password", description = "at least 8 characters", required = true, censor = true)
    String password;

    @Override
    public Object execute() {
        Long teamId = null;
        if (team != null) {
            teamId = users.findTeamByName(team).orElseGet(() -> users.createTeam(Actor.system(), team)).id();
        }
        User u = users.createUser(Actor.system(), new UserDraft(username, name, email, role, teamId, true, password));
        System.out.println("Created user " + u.id() + ": " + u.username() + " (" + u.role() + ")");
        return null;
    }
}
