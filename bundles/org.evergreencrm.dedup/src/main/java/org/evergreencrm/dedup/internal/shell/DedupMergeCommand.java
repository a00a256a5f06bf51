package org.evergreencrm.dedup.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.dedup.CandidatePair;
import org.evergreencrm.api.dedup.MergeRecord;
import org.evergreencrm.api.dedup.MergeService;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.store.DedupRepository;

@Command(scope = "crm", name = "dedup-merge", description = "Merge two contacts (survivor first), or a queued pair with --pair")
@Service
public class DedupMergeCommand implements Action {
    @Reference
    MergeService merges;
    @Reference
    DedupRepository queue;

    @Option(name = "--pair", description = "merge this review-queue pair (the older contact survives)")
    Long pair;
    @Argument(index = 0, name = "survivor")
    Long survivor;
    @Argument(index = 1, name = "loser")
    Long loser;

    @Override
    public Object execute() {
        MergeRecord m;
        if (pair != null) {
            CandidatePair p = queue.candidate(pair).orElseThrow(() -> new NotFoundException("candidate pair", pair));
            m = merges.merge(Actor.system(), p.contactA(), p.contactB(), p.probability());
        } else if (survivor != null && loser != null) {
            m = merges.merge(Actor.system(), survivor, loser, null);
        } else {
            throw new IllegalArgumentException("give --pair N, or the survivor and loser contact ids");
        }
        System.out.println("Merged " + m.loserId() + " into " + m.survivorId() + " (merge " + m.id()
                + "; undo with crm:dedup-undo " + m.id() + "). Field sources: " + m.fieldSources());
        return null;
    }
}
