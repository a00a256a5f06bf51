package org.evergreencrm.queue.internal.shell;

import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.queue.CallQueue;
import org.evergreencrm.api.queue.Claim;
import org.evergreencrm.api.security.UserService;

@Command(scope = "crm", name = "queue-next", description = "Claim the next contact to call now (compliant, due, by bucket weights)")
@Service
public class QueueNextCommand implements Action {
    @Reference
    CallQueue queue;

    @Reference
    UserService users;

    @Option(name = "--as", description = "claim for this user (default: the system)")
    String as;

    @Override
    public Object execute() {
        Optional<Claim> c = queue.next(Actors.of(users, as));
        if (c.isEmpty()) {
            System.out.println("nothing to call now (see crm:queue-stats for what is blocked and why)");
            return null;
        }
        Claim k = c.get();
        System.out.println("attempt " + k.attemptId() + ": call " + k.contactName() + " (#" + k.contactId() + ") at " + k.phone()
                + " from bucket " + k.bucketName() + ", call " + k.attemptsTotal() + ", held until " + k.leaseUntil());
        System.out.println("  compliance: " + k.compliance());
        return null;
    }
}
