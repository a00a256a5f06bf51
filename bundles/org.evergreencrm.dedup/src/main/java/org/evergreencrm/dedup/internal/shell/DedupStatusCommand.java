package org.evergreencrm.dedup.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.dedup.DedupJobs;
import org.evergreencrm.api.security.Actor;

@Command(scope = "crm", name = "dedup-status", description = "Progress of the batch duplicate search (--cancel stops it) and of re-keying stored contacts")
@Service
public class DedupStatusCommand implements Action {
    @Reference
    DedupJobs jobs;

    @Option(name = "--cancel", description = "cancel the running search")
    boolean cancel;

    @Override
    public Object execute() {
        System.out.println(describe(cancel ? jobs.cancel(Actor.system()) : jobs.status()));
        DedupJobs.KeyRefresh k = jobs.keyRefresh();
        System.out.println("stored match keys (version " + k.keyVersion() + "): " + k.state() + ", " + k.seen() + " of "
                + k.contacts() + " contacts visited, " + k.rekeyed() + " re-keyed"
                + (k.finishedAt() != null ? ", finished " + k.finishedAt() : k.startedAt() != null ? ", since " + k.startedAt() : ""));
        return null;
    }

    static String describe(DedupJobs.Status s) {
        return s.state() + (s.phase() == null ? "" : " (" + s.phase() + " " + s.done() + "/" + s.total() + ")")
                + (s.message() == null ? "" : ": " + s.message());
    }
}
