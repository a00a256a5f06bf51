package org.evergreencrm.timeline.internal.shell;

import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.api.timeline.Task;
import org.evergreencrm.api.timeline.TaskDraft;
import org.evergreencrm.api.timeline.TimelineService;

@Command(scope = "crm", name = "task-add", description = "Add a follow-up task to a contact, due at a time (reminded through the scheduler)")
@Service
public class TaskAddCommand implements Action {
    @Reference
    TimelineService timeline;
    @Reference
    UserService users;

    @Option(name = "--as", description = "create as this user (default: the system)")
    String as;
    @Option(name = "--due", required = true, description = "ISO-8601 instant, e.g. 2026-12-03T15:00:00Z")
    String due;
    @Option(name = "--for", description = "assignee (default: yourself)")
    String assignee;
    @Argument(index = 0, name = "contactId", required = true)
    long contactId;
    @Argument(index = 1, name = "title", required = true, multiValued = true)
    List<String> title;

    @Override
    public Object execute() {
        Instant at;
        try {
            at = Instant.parse(due);
        } catch (java.time.format.DateTimeParseException e) {
            System.err.println("--due: not an ISO-8601 instant (e.g. 2026-12-03T15:00:00Z)");
            return null;
        }
        Task t = timeline.addTask(users.actorFor(as), contactId, new TaskDraft(String.join(" ", title), at, assignee));
        System.out.println("Task " + t.id() + " for " + t.assignee() + ", due " + t.dueAt());
        return null;
    }
}
