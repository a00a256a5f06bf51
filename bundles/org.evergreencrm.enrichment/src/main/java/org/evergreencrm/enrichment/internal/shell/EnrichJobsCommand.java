package org.evergreencrm.enrichment.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.enrichment.EnrichmentJob;
import org.evergreencrm.api.enrichment.EnrichmentService;
import org.evergreencrm.api.security.Actor;

@Command(scope = "crm", name = "enrich-jobs", description = "Re-enrichment jobs, newest first, with progress")
@Service
public class EnrichJobsCommand implements Action {
    @Reference
    EnrichmentService enrichment;

    @Override
    public Object execute() {
        for (EnrichmentJob j : enrichment.jobs(Actor.system())) {
            System.out.printf("%4d  %-8s %d/%d (%d failed)  by %s at %s%s%n", j.id(), j.state(), j.done() + j.failed(), j.total(), j.failed(),
                    j.startedBy(), j.startedAt(), j.message() == null ? "" : "  " + j.message());
        }
        return null;
    }
}
