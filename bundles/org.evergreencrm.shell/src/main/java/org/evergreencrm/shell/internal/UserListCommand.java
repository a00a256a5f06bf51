package org.evergreencrm.shell.internal;

import java.util.Map;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Team;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserService;

@Command(scope = "crm", name = "user-list", description = "List users and teams")
@Service
public class UserListCommand implements Action {
    @Reference
    UserService users;

    @Override
    public Object execute() {
        Map<Long, String> teams = users.listTeams(Actor.system()).stream().collect(Collectors.toMap(Team::id, Team::name));
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Username");
        table.column("Name");
        table.column("Role");
        table.column("Team");
        table.column("Active");
        for (User u : users.listUsers(Actor.system())) {
            table.addRow().addContent(u.id(), u.username(), u.displayName(), u.role(),
                    u.teamId() == null ? "-" : teams.getOrDefault(u.teamId(), "#" + u.teamId()), u.active() ? "yes" : "no");
        }
        table.print(System.out);
        return null;
    }
}
