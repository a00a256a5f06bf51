package org.evergreencrm.leads.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.lead.LeadRouting;
import org.evergreencrm.api.lead.RepAvailability;

@Command(scope = "crm", name = "lead-routing", description = "The lead-assignment chain, link by link, and who is available now")
@Service
public class LeadRoutingCommand implements Action {
    @Reference
    LeadRouting routing;

    @Override
    public Object execute() {
        int i = 1;
        for (LeadRouting.Link l : routing.chain()) {
            System.out.printf("%d. %-14s %s%s%n", i++, l.name(), l.installed() ? "" : "[not installed] ", l.rule());
        }
        System.out.println();
        for (RepAvailability a : routing.availability()) {
            System.out.printf("%-12s %-10s hours %s%s%n", a.username(), a.availableNow() ? "available" : "away",
                    a.workingHours() == null ? "any time" : a.workingHours(),
                    a.availableNow() ? "" : " (" + a.why() + ")");
        }
        return null;
    }
}
