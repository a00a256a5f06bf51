package org.evergreencrm.leads.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.lead.RepAvailability;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.leads.internal.routing.RoutingStore;
import org.evergreencrm.leads.internal.routing.RoutingStore.AvailabilityRow;
import org.evergreencrm.leads.internal.routing.WorkingHours;

/** The reps' working hours and leave: read for the routing chain, set by managers (their team) and admins. */
final class RepAvailabilities {
    private final RoutingStore store;
    private final UserService users;
    private final Clock clock;

    RepAvailabilities(RoutingStore store, UserService users, Clock clock) {
        this.store = store;
        this.users = users;
        this.clock = clock;
    }

    List<RepAvailability> all(List<User> reps) {
        Map<Long, AvailabilityRow> rows = store.availability();
        Instant now = clock.instant();
        List<RepAvailability> out = new ArrayList<>();
        for (User u : reps) {
            out.add(view(u, rows.get(u.id()), now));
        }
        return out;
    }

    RepAvailability set(Actor actor, String username, String workingHours, Instant leaveFrom, Instant leaveUntil, String note) {
        if (actor.role() == Role.REP) {
            throw new AccessDeniedException("availability is set by managers and admins");
        }
        User rep = users.findByUsername(username == null ? "" : username.trim())
                .orElseThrow(() -> new NotFoundException("user", username));
        if (actor.role() == Role.MANAGER && (rep.teamId() == null || !rep.teamId().equals(actor.teamId()))) {
            throw new AccessDeniedException("managers set the availability of their own team's reps");
        }
        String hours = workingHours == null || workingHours.isBlank() ? null : WorkingHours.parse(workingHours).toString();
        if (leaveFrom != null && leaveUntil != null && !leaveUntil.isAfter(leaveFrom)) {
            throw new ValidationException("leaveUntil", "must be after leaveFrom");
        }
        if (note != null && note.length() > 500) {
            throw new ValidationException("leaveNote", "at most 500 characters");
        }
        AvailabilityRow row = new AvailabilityRow(rep.id(), hours, leaveFrom, leaveUntil, note == null || note.isBlank() ? null : note.trim());
        store.saveAvailability(row, actor.username(), clock.instant());
        return view(rep, row, clock.instant());
    }

    private static RepAvailability view(User u, AvailabilityRow row, Instant now) {
        String why = !u.active() ? "deactivated" : org.evergreencrm.leads.internal.routing.AvailabilityLink.unavailable(row, now);
        return new RepAvailability(u.id(), u.username(), u.active(), row == null ? null : row.workingHours(),
                row == null ? null : row.leaveFrom(), row == null ? null : row.leaveUntil(), row == null ? null : row.leaveNote(),
                why == null, why);
    }
}
