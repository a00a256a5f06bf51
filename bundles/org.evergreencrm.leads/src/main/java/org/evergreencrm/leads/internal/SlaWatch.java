package org.evergreencrm.leads.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.lead.Lead;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserService;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The speed-to-lead SLA: an assigned lead whose contact has had no call attempt within the SLA is escalated once —
 * REASSIGN moves it (and the contact) to the next active rep; ESCALATE keeps the rep. Both record why on the lead and
 * post {@code org/evergreencrm/lead/SLA_BREACHED} for managers.
 */
final class SlaWatch {
    private static final Logger LOG = LoggerFactory.getLogger(SlaWatch.class);
    static final String TOPIC_BREACHED = "org/evergreencrm/lead/SLA_BREACHED";
    private final LeadStore store;
    private final ContactService contacts;
    private final UserService users;
    private final Supplier<EventAdmin> events;
    private final int slaSeconds;
    private final boolean reassign;
    private final Clock clock;

    SlaWatch(LeadStore store, ContactService contacts, UserService users, Supplier<EventAdmin> events, int slaSeconds,
            String action, Clock clock) {
        this.store = store;
        this.contacts = contacts;
        this.users = users;
        this.events = events;
        this.slaSeconds = slaSeconds;
        this.reassign = !"ESCALATE".equalsIgnoreCase(action.trim());
        this.clock = clock;
    }

    /** One sweep; returns how many leads were escalated. */
    int sweep() {
        Instant now = clock.instant();
        int n = 0;
        for (Lead lead : store.slaBreaches(now.minusSeconds(slaSeconds), 200)) {
            try {
                if (handle(lead, now)) {
                    n++;
                }
            } catch (RuntimeException e) {
                LOG.warn("SLA escalation of lead {} failed: {}", lead.id(), e.getMessage());
            }
        }
        return n;
    }

    private boolean handle(Lead lead, Instant now) {
        List<User> reps = users.listUsers(Actor.system()).stream().filter(u -> u.active() && u.role() == Role.REP)
                .sorted(Comparator.comparingLong(User::id)).toList();
        String from = reps.stream().filter(u -> u.id() == (lead.assignedTo() == null ? -1 : lead.assignedTo()))
                .map(User::username).findFirst().orElse("#" + lead.assignedTo());
        String breach = "SLA: no call attempt within " + slaSeconds + " s of receipt";
        Long to = null;
        String reason;
        if (reassign) {
            List<User> others = reps.stream().filter(u -> lead.assignedTo() == null || u.id() != lead.assignedTo()).toList();
            if (others.isEmpty()) {
                reason = lead.assignmentReason() + "; " + breach + ", no other active rep: escalated to the managers";
            } else {
                User next = others.get((int) (store.nextPosition("lead-sla-reassign") % others.size()));
                to = next.id();
                reason = lead.assignmentReason() + "; " + breach + ", reassigned from " + from + " to " + next.username();
            }
        } else {
            reason = lead.assignmentReason() + "; " + breach + ", escalated to the managers (" + from + " keeps it)";
        }
        if (!store.escalate(lead.id(), to, reason, now)) {
            return false; // another node did it
        }
        if (to != null) {
            Contact c = contacts.get(Actor.system(), lead.contactId());
            if (c.ownerId() == null || c.ownerId().equals(lead.assignedTo())) {
                contacts.update(Actor.system(), c.id(), new ContactDraft(c.kind(), c.firstName(), c.lastName(), c.householdName(),
                        c.phones(), c.emails(), c.address(), c.source(), to, c.status(), c.tags(), c.customFields()), null);
            }
        }
        EventAdmin admin = events.get();
        if (admin != null) {
            Map<String, Object> props = new HashMap<>();
            props.put("lead.id", lead.id());
            props.put("contact.id", lead.contactId());
            props.put("reason", reason);
            if (to != null) {
                props.put("assigned.to", to);
            }
            admin.postEvent(new Event(TOPIC_BREACHED, props));
        }
        LOG.info("lead {}: {}", lead.id(), reason);
        return true;
    }
}
