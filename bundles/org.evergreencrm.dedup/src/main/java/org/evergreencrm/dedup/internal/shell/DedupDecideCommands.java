package org.evergreencrm.dedup.internal.shell;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.dedup.CandidatePair;
import org.evergreencrm.api.store.DedupRepository;

/** Shell commands that decide on review-queue pairs. */
public final class DedupDecideCommands {
    private DedupDecideCommands() {
    }

    @Command(scope = "crm", name = "dedup-reject", description = "Mark a queued pair as not duplicates; it is never proposed again")
    @Service
    public static class Reject implements Action {
        @Reference
        DedupRepository queue;

        @Argument(index = 0, name = "pair", required = true)
        long pair;

        @Override
        public Object execute() {
            CandidatePair p = queue.candidate(pair).orElseThrow(() -> new NotFoundException("candidate pair", pair));
            queue.decide(p.contactA(), p.contactB(), CandidatePair.REJECTED, "shell", Instant.now());
            System.out.println("Pair " + pair + " (" + p.contactA() + ", " + p.contactB() + ") rejected");
            return null;
        }
    }
}
