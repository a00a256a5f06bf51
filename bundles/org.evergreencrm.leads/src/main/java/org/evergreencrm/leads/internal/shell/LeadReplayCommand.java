package org.evergreencrm.leads.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.lead.Lead;
import org.evergreencrm.api.lead.LeadIntake;
import org.evergreencrm.api.security.Actor;

@Command(scope = "crm", name = "lead-replay", description = "Run an open dead letter through the intake pipeline again")
@Service
public class LeadReplayCommand implements Action {
    @Reference
    LeadIntake intake;

    @Argument(index = 0, name = "deadLetterId", required = true)
    long id;

    @Override
    public Object execute() {
        Lead l = intake.replay(Actor.system(), id);
        System.out.println("dead letter " + id + " is now lead #" + l.id() + " (contact " + l.contactId() + ")");
        return null;
    }
}
