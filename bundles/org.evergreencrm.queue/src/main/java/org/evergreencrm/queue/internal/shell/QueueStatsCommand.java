package org.evergreencrm.queue.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.queue.BucketStats;
import org.evergreencrm.api.queue.CallQueue;

@Command(scope = "crm", name = "queue-stats", description = "Per bucket: queued, due now, held by reps, blocked by compliance (and why), attempts distribution")
@Service
public class QueueStatsCommand implements Action {
    @Reference
    CallQueue queue;

    @Override
    public Object execute() {
        System.out.printf("%-20s %6s %8s %8s %8s %8s  %s%n", "bucket", "weight", "queued", "due now", "claimed", "blocked", "blocked by / attempts");
        for (BucketStats s : queue.stats()) {
            System.out.printf("%-20s %6d %8d %8d %8d %8d  %s / %s%n", s.name(), s.weight(), s.queued(), s.dueNow(), s.claimed(),
                    s.blocked(), s.blockedBy(), s.attempts());
        }
        return null;
    }
}
