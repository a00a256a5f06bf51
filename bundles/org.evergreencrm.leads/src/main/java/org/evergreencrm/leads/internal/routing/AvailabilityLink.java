package org.evergreencrm.leads.internal.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.evergreencrm.api.lead.LeadRoutingStrategy.Narrowed;
import org.evergreencrm.api.lead.LeadRoutingStrategy.RoutingRequest;
import org.evergreencrm.api.security.User;

/**
 * Reps on leave never get a lead (all on leave: the lead waits for a manager). Reps outside their working hours are
 * passed over while someone is within theirs; when nobody is, everyone not on leave stays in the running, so a lead
 * that arrives at night still has an owner in the morning.
 */
public final class AvailabilityLink implements Link {
    @Override
    public String name() {
        return "availability";
    }

    @Override
    public String rule() {
        return "reps on leave never; reps outside their working hours only when nobody is within theirs";
    }

    /** Why a rep is not available at {@code at}, or null when they are. */
    public static String unavailable(RoutingStore.AvailabilityRow row, Instant at) {
        if (row == null) {
            return null;
        }
        if (onLeave(row, at)) {
            return "on leave" + (row.leaveUntil() == null ? "" : " until " + row.leaveUntil())
                    + (row.leaveNote() == null || row.leaveNote().isBlank() ? "" : " (" + row.leaveNote() + ")");
        }
        if (row.workingHours() != null && !WorkingHours.parse(row.workingHours()).contains(at)) {
            return "outside working hours (" + row.workingHours() + ")";
        }
        return null;
    }

    static boolean onLeave(RoutingStore.AvailabilityRow row, Instant at) {
        return row != null && (row.leaveFrom() != null || row.leaveUntil() != null)
                && (row.leaveFrom() == null || !at.isBefore(row.leaveFrom()))
                && (row.leaveUntil() == null || at.isBefore(row.leaveUntil()));
    }

    @Override
    public Narrowed narrow(RoutingRequest lead, List<User> candidates, RoutingBatch batch) {
        List<User> present = new ArrayList<>();
        List<String> away = new ArrayList<>();
        for (User u : candidates) {
            if (onLeave(batch.availability.get(u.id()), batch.now)) {
                away.add(u.username());
            } else {
                present.add(u);
            }
        }
        if (present.isEmpty()) {
            return new Narrowed(List.of(), "every candidate is on leave (" + String.join(", ", away) + ")");
        }
        List<User> working = present.stream().filter(u -> {
            RoutingStore.AvailabilityRow row = batch.availability.get(u.id());
            return row == null || row.workingHours() == null || WorkingHours.parse(row.workingHours()).contains(batch.now);
        }).toList();
        StringBuilder why = new StringBuilder();
        if (!away.isEmpty()) {
            why.append("on leave: ").append(String.join(", ", away));
        }
        if (working.isEmpty()) {
            why.append(why.length() > 0 ? "; " : "").append("nobody within working hours now, so all present stay");
            return new Narrowed(present, why.toString());
        }
        if (working.size() < present.size()) {
            List<User> off = present.stream().filter(u -> !working.contains(u)).toList();
            why.append(why.length() > 0 ? "; " : "").append("outside working hours: ").append(Link.names(off));
        }
        return new Narrowed(working, why.length() == 0 ? null : why.toString());
    }
}
