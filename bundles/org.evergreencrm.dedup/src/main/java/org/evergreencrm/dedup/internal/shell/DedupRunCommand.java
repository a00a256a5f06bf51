package org.evergreencrm.dedup.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.dedup.DedupJobs;
import org.evergreencrm.api.security.Actor;

@Command(scope = "crm", name = "dedup-run", description = "Run the batch duplicate search over all contacts, showing progress")
@Service
public class DedupRunCommand implements Action {
    @Reference
    DedupJobs jobs;

    @Option(name = "--background", description = "start it and return at once (see crm:dedup-status)")
    boolean background;

    @Override
    public Object execute() throws Exception {
        DedupJobs.Status s = jobs.start(Actor.system());
        while (!background && "RUNNING".equals(s.state())) {
            System.out.printf("\r  %-12s %,d / %,d        ", s.phase(), s.done(), s.total());
            Thread.sleep(500);
            s = jobs.status();
        }
        System.out.println();
        System.out.println(DedupStatusCommand.describe(s));
        return null;
    }
}
