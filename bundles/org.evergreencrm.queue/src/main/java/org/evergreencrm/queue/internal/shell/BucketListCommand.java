package org.evergreencrm.queue.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.queue.Bucket;
import org.evergreencrm.api.queue.CallQueue;
import org.evergreencrm.api.queue.Transition;

@Command(scope = "crm", name = "bucket-list", description = "The call-queue buckets with their weights, limits, hours (and, with -v, transitions)")
@Service
public class BucketListCommand implements Action {
    @Reference
    CallQueue queue;

    @Option(name = "-v", description = "show every transition")
    boolean verbose;

    @Override
    public Object execute() {
        for (Bucket b : queue.buckets()) {
            System.out.printf("%3d %-20s weight %-4d %-12s attempts %d (overall %d)  %s %s–%s%s%n", b.id(), b.name(), b.weight(),
                    b.order(), b.maxAttempts(), b.maxTotalAttempts(), b.hours().days(), b.hours().from(), b.hours().to(),
                    b.exhaustedBucket() == null ? "" : "  exhausted → " + b.exhaustedBucket());
            if (verbose) {
                for (Transition t : b.transitions()) {
                    System.out.println("      " + t.outcome() + " → " + t.action() + (t.toBucket() == null ? "" : " " + t.toBucket())
                            + (t.finalState() == null ? "" : " as " + t.finalState()) + (t.delay() == null || t.delay().isZero() ? "" : " after " + t.delay()));
                }
            }
        }
        return null;
    }
}
