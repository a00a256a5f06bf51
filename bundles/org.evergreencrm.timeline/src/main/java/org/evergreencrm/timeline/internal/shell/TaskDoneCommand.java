package org.evergreencrm.timeline.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.api.timeline.Task;
import org.evergreencrm.api.timeline.TimelineService;

@Command(scope = "crm", name = "task-done", description = "Mark a task done")
@Service
public class TaskDoneCommand implements Action {
    @Reference
    TimelineService timeline;
    @Reference
    UserService users;

    @Option(name = "--as", description = "as this user (default: the system)")
    String as;
    @Argument(index = 0, name = "taskId", required = true)
    long taskId;

    @Override
    public Object execute() {
        Task t = timeline.completeTask(users.actorFor(as), taskId);
        System.out.println("Task " + t.id() + " done at " + t.doneAt() + " by " + t.doneBy());
        return null;
    }
}
