package org.evergreencrm.queue.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.queue.Bucket;
import org.evergreencrm.api.queue.CallQueue;
import org.evergreencrm.api.queue.EnqueueResult;
import org.evergreencrm.api.security.Actor;

@Command(scope = "crm", name = "queue-add", description = "Put contacts in a bucket (due now)")
@Service
public class QueueAddCommand implements Action {
    @Reference
    CallQueue queue;

    @Option(name = "--move", description = "move contacts already queued in another bucket")
    boolean move;

    @Option(name = "--priority", description = "priority (score) for the SCORE order; default: the contact's score field")
    Double priority;

    @Argument(index = 0, name = "bucket", required = true, description = "bucket name or id")
    String bucket;

    @Argument(index = 1, name = "contactIds", required = true, multiValued = true)
    List<Long> contactIds;

    @Override
    public Object execute() {
        Bucket b = queue.buckets().stream().filter(x -> x.name().equals(bucket) || String.valueOf(x.id()).equals(bucket))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no bucket " + bucket));
        EnqueueResult r = queue.enqueue(Actor.system(), b.id(), contactIds, priority, move);
        System.out.println(r.added() + " added, " + r.moved() + " moved to " + b.name());
        r.refused().forEach((id, why) -> System.out.println("  refused " + id + ": " + why));
        return null;
    }
}
