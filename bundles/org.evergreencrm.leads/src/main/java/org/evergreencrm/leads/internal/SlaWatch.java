package org.evergreencrm.leads.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.lead.Lead;
import org.evergreencrm.api.lead.LeadProfile;
import org.evergreencrm.api.lead.LeadRoutingStrategy.RoutingRequest;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.User;
import org.evergreencrm.leads.internal.routing.LeadRouter;
import org.evergreencrm.leads.internal.routing.RoutingBatch;
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
    private final LeadRouter router;
    private final Supplier<EventAdmin> events;
    private final int slaSeconds;
    private final boolean reassign;
    private final Clock clock;

    SlaWatch(LeadStore store, ContactService contacts, LeadRouter router, Supplier<EventAdmin> events,
            int slaSeconds, String action, Clock clock) {
        this.store = store;
        this.contacts = contacts;
        this.router = router;
        this.events = events;
        this.slaSeconds = slaSeconds;
        this.reassign = !"ESCALATE".equalsIgnoreCase(action.trim());
        this.clock = clock;
    }

    /** How often the platform scheduler runs the sweep: every half SLA, 1–60 s. */
    java.time.Duration every() {
        return java.time.Duration.ofSeconds(Math.max(1, Math.min(60, slaSeconds / 2)));
    }

    /** The sweep as a platform scheduler task: one node sweeps at a time, whatever the number of nodes. */
    org.evergreencrm.api.schedule.RecurringTask asTask() {
        SlaWatch watch = this;
        return new org.evergreencrm.api.schedule.RecurringTask() {
            @Override
            public String name() {
                return "lead-sla-watch";
            }

            @Override
            public java.time.Duration every() {
                return watch.every();
            }

            @Override
            public void run() {
                int n = watch.sweep();
                if (n > 0) {
                    LOG.info("{} leads escalated after their speed-to-lead SLA ran out", n);
                }
            }
        };
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
        List<User> reps = router.activeReps();
        String from = reps.stream().filter(u -> u.id() == (lead.assignedTo() == null ? -1 : lead.assignedTo()))
                .map(User::username).findFirst().orElse("#" + lead.assignedTo());
        String breach = "SLA: no call attempt within " + slaSeconds + " s of receipt";
        Long to = null;
        String reason;
        Contact contact = contacts.get(Actor.system(), lead.contactId());
        if (reassign) {
            // the next rep as the chain picks them (availability, territory, caps...), anyone but the one who let it wait
            RoutingBatch batch = router.begin(1);
            LeadRouter.Choice next;
            try {
                ContactDraft d = LeadWork.withOwner(contact, contact.ownerId());
                next = router.route(batch, new RoutingRequest(new LeadProfile(lead.source(), Map.of(), d, lead.location(), List.of()),
                        lead.score()), lead.assignedTo());
            } finally {
                batch.close();
            }
            if (next.rep() == null) {
                reason = lead.assignmentReason() + "; " + breach + ", no other rep to take it (" + next.reason() + "): escalated to the managers";
            } else {
                to = next.rep().id();
                reason = lead.assignmentReason() + "; " + breach + ", reassigned from " + from + " to " + next.rep().username()
                        + " (" + next.reason() + ")";
            }
        } else {
            reason = lead.assignmentReason() + "; " + breach + ", escalated to the managers (" + from + " keeps it)";
        }
        if (!store.escalate(lead.id(), to, reason, now)) {
            return false; // another node did it
        }
        if (to != null && (contact.ownerId() == null || contact.ownerId().equals(lead.assignedTo()))) {
            contacts.update(Actor.system(), contact.id(), LeadWork.withOwner(contact, to), null);
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
