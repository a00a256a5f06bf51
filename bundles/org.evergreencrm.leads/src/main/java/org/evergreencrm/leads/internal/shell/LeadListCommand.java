package org.evergreencrm.leads.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.lead.DeadLetter;
import org.evergreencrm.api.lead.Lead;
import org.evergreencrm.api.lead.LeadIntake;

@Command(scope = "crm", name = "lead-list", description = "Recent leads (source, contact, assignee and why), or with --dead the dead letters")
@Service
public class LeadListCommand implements Action {
    @Reference
    LeadIntake intake;

    @Option(name = "--dead", description = "list the dead letters instead (all; --open for the open ones)")
    boolean dead;

    @Option(name = "--open", description = "with --dead: only the open ones")
    boolean open;

    @Option(name = "-n", description = "how many")
    int limit = 20;

    @Override
    public Object execute() {
        if (dead) {
            for (DeadLetter d : intake.deadLetters(open, limit)) {
                System.out.println("#" + d.id() + " " + d.status() + " " + d.source() + "/" + d.sourceLeadId() + " at " + d.failedAt()
                        + " (" + d.attempts() + " attempts): " + d.error());
            }
            return null;
        }
        for (Lead l : intake.recent(org.evergreencrm.api.security.Actor.system(), limit)) {
            System.out.println("#" + l.id() + " " + l.source() + "/" + l.sourceLeadId() + " → contact " + l.contactId()
                    + (l.existingContact() ? " (existing)" : " (new)") + ", assigned to " + l.assignedTo() + ": " + l.assignmentReason());
        }
        return null;
    }
}
