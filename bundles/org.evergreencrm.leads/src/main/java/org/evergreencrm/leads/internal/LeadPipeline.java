package org.evergreencrm.leads.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.contact.DuplicateMatch;
import org.evergreencrm.api.lead.Lead;
import org.evergreencrm.api.queue.CallQueue;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserService;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake steps, each a Camel processor of the {@code lead-intake} route (see {@link IntakeRoutes}): already
 * stored? → map and validate → duplicate check (link to the existing contact, or create one) → assign → store →
 * event → call queue. Optional services (call queue, event admin) are skipped when absent, never an error.
 */
final class LeadPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(LeadPipeline.class);
    static final String TOPIC_CREATED = "org/evergreencrm/lead/CREATED";
    private final LeadStore store;
    private final ContactService contacts;
    private final UserService users;
    private final Supplier<EventAdmin> events;
    private final Supplier<CallQueue> queue;
    private final String intakeBucket;
    private final RoutingRules routing;
    private final Clock clock;

    LeadPipeline(LeadStore store, ContactService contacts, UserService users, Supplier<EventAdmin> events,
            Supplier<CallQueue> queue, String intakeBucket, RoutingRules routing, Clock clock) {
        this.routing = routing;
        this.store = store;
        this.contacts = contacts;
        this.users = users;
        this.events = events;
        this.queue = queue;
        this.intakeBucket = intakeBucket;
        this.clock = clock;
    }

    private static LeadWork work(Exchange e) {
        return e.getMessage().getBody(LeadWork.class);
    }

    /** A delivery of a lead already stored answers that lead: at-least-once delivery, exactly-once storage. */
    void alreadyStored(Exchange e) {
        LeadWork w = work(e);
        Optional<Lead> existing = store.findBySource(w.incoming.source(), w.incoming.sourceLeadId());
        if (existing.isPresent()) {
            w.lead = existing.get();
            e.setRouteStop(true);
        }
    }

    void map(Exchange e) {
        LeadWork w = work(e);
        w.draft = LeadMapper.draft(w.incoming.fields(), w.incoming.source(), null);
        if (w.incoming.referredBy() != null) {
            try {
                contacts.get(Actor.system(), w.incoming.referredBy());
            } catch (org.evergreencrm.api.NotFoundException ex) {
                throw new org.evergreencrm.api.ValidationException("referrerContactId", "no contact " + w.incoming.referredBy());
            }
        }
    }

    /** Links to a contact the duplicate check is sure about (AUTO_MERGE); otherwise a new contact is created later. */
    void duplicateCheck(Exchange e) {
        LeadWork w = work(e);
        List<DuplicateMatch> matches = contacts.duplicatesOf(Actor.system(), w.draft, null);
        matches.stream().filter(m -> "AUTO_MERGE".equals(m.decision()))
                .max(Comparator.comparingDouble(DuplicateMatch::probability)).ifPresent(m -> {
                    Contact c = contacts.get(Actor.system(), m.contactId());
                    w.contactId = c.id();
                    w.contactOwner = c.ownerId();
                    w.existingContact = true;
                });
    }

    /** Existing contact with an active owner → that owner; otherwise the next active rep, round-robin. */
    void assign(Exchange e) {
        LeadWork w = work(e);
        List<User> reps = users.listUsers(Actor.system()).stream().filter(u -> u.active() && u.role() == Role.REP)
                .sorted(Comparator.comparingLong(User::id)).toList();
        if (w.contactOwner != null) {
            Optional<User> owner = reps.stream().filter(u -> u.id() == w.contactOwner).findFirst();
            if (owner.isPresent()) {
                w.assignee = owner.get().id();
                w.reason = "existing contact #" + w.contactId + " is owned by " + owner.get().username();
                return;
            }
        }
        PostalAddressParts where = PostalAddressParts.of(w.draft);
        RoutingRules.Choice choice = routing.choose(reps, where.state(), where.zip(), store.assignedSince(today()),
                n -> store.nextPosition("lead-round-robin"));
        w.assignee = choice.rep() == null ? null : choice.rep().id();
        w.reason = choice.reason() + (w.existingContact ? "; existing contact #" + w.contactId + " had no active owner" : "");
    }

    private Instant today() {
        return clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    /** The state and ZIP of a lead's address, for territories. */
    record PostalAddressParts(String state, String zip) {
        static PostalAddressParts of(org.evergreencrm.api.contact.ContactDraft d) {
            return d.address() == null ? new PostalAddressParts(null, null)
                    : new PostalAddressParts(d.address().state(), d.address().postalCode());
        }
    }

    void store(Exchange e) {
        LeadWork w = work(e);
        Instant now = clock.instant();
        if (w.contactId == null) {
            Map<String, Object> custom = new HashMap<>(w.draft.customFields());
            Contact created = contacts.create(Actor.system(), new org.evergreencrm.api.contact.ContactDraft(w.draft.kind(),
                    w.draft.firstName(), w.draft.lastName(), w.draft.householdName(), w.draft.phones(), w.draft.emails(),
                    w.draft.address(), w.draft.source(), w.assignee, w.draft.status(), w.draft.tags(), custom));
            w.contactId = created.id();
        }
        w.lead = store.insert(new Lead(0, w.incoming.source(), w.incoming.sourceLeadId(), w.contactId, w.existingContact,
                w.assignee, w.reason, w.incoming.receivedAt() == null ? now : w.incoming.receivedAt(), now,
                w.assignee == null ? null : now, null, w.incoming.rawPayload() == null ? "" : w.incoming.rawPayload(),
                w.incoming.referredBy()));
    }

    void publish(Exchange e) {
        LeadWork w = work(e);
        EventAdmin admin = events.get();
        if (admin != null) {
            Map<String, Object> props = new HashMap<>();
            props.put("lead.id", w.lead.id());
            props.put("contact.id", w.lead.contactId());
            props.put("lead.source", w.lead.source());
            if (w.lead.referredBy() != null) {
                props.put("referred.by", w.lead.referredBy());
            }
            if (w.lead.assignedTo() != null) {
                props.put("assigned.to", w.lead.assignedTo());
            }
            admin.postEvent(new Event(TOPIC_CREATED, props));
        }
    }

    void enqueue(Exchange e) {
        LeadWork w = work(e);
        CallQueue q = queue.get();
        if (q == null || intakeBucket == null || intakeBucket.isBlank()) {
            return;
        }
        q.buckets().stream().filter(b -> b.name().equals(intakeBucket)).findFirst().ifPresentOrElse(b -> {
            var r = q.enqueue(Actor.system(), b.id(), List.of(w.lead.contactId()), null, false);
            if (!r.refused().isEmpty()) {
                LOG.info("lead {}: contact {} not queued in {}: {}", w.lead.id(), w.lead.contactId(), intakeBucket, r.refused());
            }
        }, () -> LOG.warn("intake bucket {} does not exist; lead {} not queued", intakeBucket, w.lead.id()));
    }
}
