package org.evergreencrm.scheduler.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.schedule.ScheduledTaskStatus;
import org.evergreencrm.api.schedule.TaskScheduler;

@Command(scope = "crm", name = "schedule-list", description = "The platform scheduler's tasks: next run, last success, last failure, failures in a row")
@Service
public class ScheduleListCommand implements Action {
    @Reference
    TaskScheduler scheduler;

    @Override
    public Object execute() {
        System.out.printf("%-28s %-16s %-9s %-22s %-22s %-22s %-8s %s%n", "task", "instance", "state", "next run", "last success",
                "last failure", "failures", "running on");
        for (ScheduledTaskStatus t : scheduler.tasks()) {
            System.out.printf("%-28s %-16s %-9s %-22s %-22s %-22s %-8d %s%n", t.name() + (t.registered() ? "" : " (not offered here)"),
                    t.instance(), t.state(), t.nextRun() == null ? "-" : t.nextRun(), t.lastSuccess(), t.lastFailure(),
                    t.consecutiveFailures(), t.runningOn() == null ? "-" : t.runningOn());
        }
        return null;
    }
}
