package org.evergreencrm.leads.internal.routing;

import java.util.ArrayList;
import java.util.List;

import org.evergreencrm.api.lead.LeadRoutingStrategy.Narrowed;
import org.evergreencrm.api.lead.LeadRoutingStrategy.RoutingRequest;
import org.evergreencrm.api.security.User;

/**
 * Workload caps: a rep who got {@code dailyCap} leads today (UTC day) or holds {@code maxOpenLeads} open leads gets
 * no more; when every candidate is at a cap the lead waits for a manager. 0 = no cap.
 */
final class CapsLink implements Link {
    private final int dailyCap;
    private final int maxOpen;

    CapsLink(int dailyCap, int maxOpen) {
        this.dailyCap = dailyCap;
        this.maxOpen = maxOpen;
    }

    @Override
    public String name() {
        return "caps";
    }

    @Override
    public String rule() {
        if (dailyCap <= 0 && maxOpen <= 0) {
            return "no caps configured (dailyCap, maxOpenLeads): passes everyone";
        }
        return (dailyCap > 0 ? "at most " + dailyCap + " new leads a day" : "") + (dailyCap > 0 && maxOpen > 0 ? ", " : "")
                + (maxOpen > 0 ? "at most " + maxOpen + " open leads" : "") + " per rep";
    }

    @Override
    public Narrowed narrow(RoutingRequest lead, List<User> candidates, RoutingBatch batch) {
        if (dailyCap <= 0 && maxOpen <= 0) {
            return new Narrowed(candidates, null);
        }
        List<User> free = new ArrayList<>();
        List<String> full = new ArrayList<>();
        for (User u : candidates) {
            long today = batch.assignedToday.getOrDefault(u.id(), 0L);
            long open = batch.openLeads.getOrDefault(u.id(), 0L);
            if (dailyCap > 0 && today >= dailyCap) {
                full.add(u.username() + " has " + today + " today (cap " + dailyCap + ")");
            } else if (maxOpen > 0 && open >= maxOpen) {
                full.add(u.username() + " has " + open + " open (cap " + maxOpen + ")");
            } else {
                free.add(u);
            }
        }
        if (free.isEmpty()) {
            return new Narrowed(List.of(), "every candidate is at a cap: " + String.join(", ", full));
        }
        return new Narrowed(free, full.isEmpty() ? null : "at a cap: " + String.join(", ", full));
    }
}
