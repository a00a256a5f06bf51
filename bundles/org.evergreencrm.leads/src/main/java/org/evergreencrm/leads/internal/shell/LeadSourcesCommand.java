package org.evergreencrm.leads.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.lead.FeedState;
import org.evergreencrm.api.lead.LeadIntake;
import org.evergreencrm.api.lead.SourceHealth;
import org.evergreencrm.api.lead.SpeedToLead;

@Command(scope = "crm", name = "lead-sources", description = "Lead sources and their health; with --speed the speed-to-lead report per rep and source")
@Service
public class LeadSourcesCommand implements Action {
    @Reference
    LeadIntake intake;

    @Option(name = "--speed", description = "speed-to-lead per rep and source instead")
    boolean speed;

    @Option(name = "--days", description = "with --speed: over the last N days")
    int days = 30;

    @Option(name = "--sla", description = "with --speed: SLA in minutes")
    int sla = 5;

    @Override
    public Object execute() {
        if (speed) {
            System.out.printf("%-8s %-24s %6s %9s %8s %8s %s%n", "rep", "source", "leads", "attempted", "p50 min", "p90 min", "within SLA");
            for (SpeedToLead s : intake.speedToLead(org.evergreencrm.api.security.Actor.system(), days, sla)) {
                System.out.printf("%-8s %-24s %6d %9d %8s %8s %d (%d min)%n", s.repId(), s.source(), s.leads(), s.attempted(),
                        s.medianMinutes() == null ? "-" : String.format("%.1f", s.medianMinutes()),
                        s.p90Minutes() == null ? "-" : String.format("%.1f", s.p90Minutes()), s.withinSla(), s.slaMinutes());
            }
            return null;
        }
        for (SourceHealth h : intake.sources()) {
            System.out.printf("%-24s %6d leads, %d open dead letters, %d spam; last lead %s, last failure %s%n", h.source(), h.leads(),
                    h.openDeadLetters(), h.spam(), h.lastReceived(), h.lastFailure());
        }
        for (FeedState f : intake.feeds()) {
            System.out.printf("%-24s polled %d times (%d failed); last poll %s, last success %s, cursor %s%s%n", f.name(), f.polls(),
                    f.failures(), f.lastPollAt(), f.lastSuccessAt(), f.cursor(), f.lastError() == null ? "" : "; last error: " + f.lastError());
        }
        return null;
    }
}
