package org.evergreencrm.timeline.internal.shell;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.api.timeline.Task;
import org.evergreencrm.api.timeline.TimelineService;

@Command(scope = "crm", name = "task-list", description = "Open tasks, soonest due first (yours with --as, or --for a user)")
@Service
public class TaskListCommand implements Action {
    @Reference
    TimelineService timeline;
    @Reference
    UserService users;

    @Option(name = "--as", description = "list as this user (default: the system)")
    String as;
    @Option(name = "--for", description = "whose tasks (default: the --as user)")
    String assignee;
    @Option(name = "--overdue", description = "only those past due")
    boolean overdue;
    @Option(name = "--today", description = "only those due before the end of today (UTC)")
    boolean today;

    @Override
    public Object execute() {
        Actor actor = users.actorFor(as);
        Instant endOfToday = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Task> tasks = timeline.openTasks(actor, assignee, overdue, today ? endOfToday : null, 200);
        Instant now = Instant.now();
        for (Task t : tasks) {
            System.out.printf("%6d  %-22s %-8s contact %-7d %-10s %s%n", t.id(), t.dueAt(), t.overdue(now) ? "OVERDUE" : "", t.contactId(),
                    t.assignee(), t.title());
        }
        System.out.println(tasks.size() + " open task(s)");
        return null;
    }
}
