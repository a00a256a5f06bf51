package org.evergreencrm.leads.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.lead.Lead;
import org.evergreencrm.api.lead.LeadIntake;

@Command(scope = "crm", name = "lead-why", description = "Where a lead came from, whom it went to and why, and its speed-to-lead times")
@Service
public class LeadWhyCommand implements Action {
    @Reference
    LeadIntake intake;

    @Argument(index = 0, name = "id", description = "lead id", required = true)
    long id;

    @Override
    public Object execute() {
        Lead l = intake.find(org.evergreencrm.api.security.Actor.system(), id).orElseThrow(() -> new NotFoundException("lead", id));
        System.out.println("lead #" + l.id() + " from " + l.source() + " (its id " + l.sourceLeadId() + ")");
        System.out.println("  contact:   #" + l.contactId() + (l.existingContact() ? " (an existing contact)" : " (created for it)")
                + (l.referredBy() == null ? "" : ", referred by contact #" + l.referredBy()));
        System.out.println("  assigned:  " + (l.assignedTo() == null ? "nobody (for a manager)" : "user #" + l.assignedTo()));
        System.out.println("  why:       " + l.assignmentReason());
        if (l.score() != null) {
            System.out.printf("  score:     %.3f%n", l.score());
        }
        if (l.location() != null) {
            System.out.printf("  location:  %.4f, %.4f (%s, by %s)%n", l.location().latitude(), l.location().longitude(),
                    l.location().precision(), l.location().by());
        }
        if (l.notes() != null) {
            System.out.println("  notes:     " + l.notes());
        }
        System.out.println("  received " + l.receivedAt() + ", stored " + l.storedAt() + ", assigned " + l.assignedAt()
                + ", first call " + (l.firstAttemptAt() == null ? "not yet" : l.firstAttemptAt()));
        return null;
    }
}
