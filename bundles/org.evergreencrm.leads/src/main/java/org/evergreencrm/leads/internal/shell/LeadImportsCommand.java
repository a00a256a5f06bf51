package org.evergreencrm.leads.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.lead.LeadImport;
import org.evergreencrm.api.lead.LeadIntake;

@Command(scope = "crm", name = "lead-imports", description = "Dropped lead files on this node and their progress, newest first")
@Service
public class LeadImportsCommand implements Action {
    @Reference
    LeadIntake intake;

    @Override
    public Object execute() {
        for (LeadImport i : intake.imports()) {
            String pct = i.total() == 0 ? "" : String.format(" (%.0f%%)", 100.0 * i.processed() / i.total());
            System.out.printf("%-9s %-40s %,d of %,d processed%s: %,d taken in, %,d dead letters; started %s%s%s%n", i.status(),
                    i.name(), i.processed(), i.total(), pct, i.stored(), i.deadLetters(), i.startedAt(),
                    i.finishedAt() == null ? "" : ", finished " + i.finishedAt(), i.error() == null ? "" : "; " + i.error());
        }
        return null;
    }
}
