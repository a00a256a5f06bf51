package org.evergreencrm.leads.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.contact.DraftDuplicates;
import org.evergreencrm.api.contact.DuplicateMatch;
import org.evergreencrm.api.lead.Lead;
import org.evergreencrm.api.lead.LeadEnricher;
import org.evergreencrm.api.lead.LeadRoutingStrategy.RoutingRequest;
import org.evergreencrm.api.queue.CallQueue;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.User;
import org.evergreencrm.leads.internal.routing.LeadRouter;
import org.evergreencrm.leads.internal.routing.RoutingBatch;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake steps, each a Camel processor of the {@code lead-intake} route (see {@link IntakeRoutes}), each run
 * over a whole batch of leads with one lookup or one write where it can: already stored? → map → validate and
 * normalize → duplicate check (link to the existing contact, or to an earlier lead of the batch) → address and
 * enrichment steps → score → assign → store → event → call queue. A lead a step refuses is marked failed (a dead
 * letter later) and the others go on. Optional services are skipped when absent, never an error.
 */
final class LeadPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(LeadPipeline.class);
    static final String TOPIC_CREATED = "org/evergreencrm/lead/CREATED";
    private final LeadStore store;
    private final ContactService contacts;
    private final LeadRouter router;
    private final OptionalSteps optional;
    private final LeadWriter writer;
    private final Supplier<EventAdmin> events;
    private final Supplier<CallQueue> queue;
    private final String intakeBucket;

    LeadPipeline(LeadStore store, ContactService contacts, LeadRouter router, OptionalSteps optional, Supplier<EventAdmin> events,
            Supplier<CallQueue> queue, String intakeBucket, Clock clock) {
        this.store = store;
        this.contacts = contacts;
        this.router = router;
        this.optional = optional;
        this.writer = new LeadWriter(store, contacts, clock);
        this.events = events;
        this.queue = queue;
        this.intakeBucket = intakeBucket;
    }

    /** The leads of the exchange's batch. */
    static List<LeadWork> works(Exchange e) {
        return e.getMessage().getBody(LeadBatch.class).works();
    }

    private static List<LeadWork> pending(Exchange e) {
        return works(e).stream().filter(LeadWork::pending).toList();
    }

    /** A delivery of a lead already stored answers that lead: at-least-once delivery, exactly-once storage. */
    void alreadyStored(Exchange e) {
        Map<String, Map<String, LeadWork>> bySource = new LinkedHashMap<>();
        for (LeadWork w : pending(e)) {
            Map<String, LeadWork> ids = bySource.computeIfAbsent(w.incoming.source(), s -> new LinkedHashMap<>());
            LeadWork first = ids.putIfAbsent(w.incoming.sourceLeadId(), w);
            if (first != null) {
                w.sameDelivery = first; // delivered twice in one batch: stored once, both answered with it
            }
        }
        bySource.forEach((source, ids) -> store.findBySource(source, ids.keySet()).forEach((id, lead) -> ids.get(id).lead = lead));
    }

    void map(Exchange e) {
        for (LeadWork w : pending(e)) {
            try {
                w.draft = LeadMapper.draft(w.incoming.fields(), w.incoming.source(), null);
                if (w.incoming.referredBy() != null) {
                    try {
                        contacts.get(Actor.system(), w.incoming.referredBy());
                    } catch (NotFoundException ex) {
                        throw new ValidationException("referrerContactId", "no contact " + w.incoming.referredBy());
                    }
                }
            } catch (RuntimeException ex) {
                w.fail(ex);
            }
        }
    }

    /** The contact service's checks and cleaning (trimmed, defaults), field by field. */
    void validate(Exchange e) {
        for (LeadWork w : pending(e)) {
            try {
                w.draft = contacts.validate(Actor.system(), w.draft);
            } catch (RuntimeException ex) {
                w.fail(ex);
            }
        }
    }

    /**
     * Links a lead to a stored contact the duplicate check is sure about (AUTO_MERGE), or to an earlier lead of the
     * batch that is surely the same person; otherwise a new contact is created when it is stored.
     */
    void duplicateCheck(Exchange e) {
        List<LeadWork> pending = pending(e);
        if (pending.isEmpty()) {
            return;
        }
        List<DraftDuplicates> found = contacts.duplicatesOfAll(Actor.system(), pending.stream().map(w -> w.draft).toList());
        for (int i = 0; i < pending.size(); i++) {
            LeadWork w = pending.get(i);
            DraftDuplicates d = found.get(i);
            Optional<DuplicateMatch> sure = d.stored().stream().filter(m -> "AUTO_MERGE".equals(m.decision()))
                    .max(Comparator.comparingDouble(DuplicateMatch::probability));
            if (sure.isPresent()) {
                try {
                    Contact c = contacts.get(Actor.system(), sure.get().contactId());
                    w.contactId = c.id();
                    w.contactOwner = c.ownerId();
                    w.existingContact = true;
                    continue;
                } catch (NotFoundException gone) {
                    // deleted meanwhile: a new contact it is
                }
            }
            if (d.sameAsDraft() >= 0) {
                LeadWork root = pending.get(d.sameAsDraft());
                while (root.sameAs != null) {
                    root = root.sameAs;
                }
                w.sameAs = root;
            }
        }
    }

    void address(Exchange e) {
        optional.enrich(LeadEnricher.Stage.ADDRESS, pending(e));
    }

    void enrich(Exchange e) {
        optional.enrich(LeadEnricher.Stage.ENRICHMENT, pending(e));
    }

    void score(Exchange e) {
        optional.score(pending(e));
    }

    /** The existing contact's active owner; the same rep as an earlier lead of the batch for the same person; else the chain. */
    void assign(Exchange e) {
        List<LeadWork> pending = pending(e);
        if (pending.isEmpty()) {
            return;
        }
        RoutingBatch batch = router.begin(pending.size());
        try {
            Map<Long, User> active = new HashMap<>();
            batch.reps().forEach(u -> active.put(u.id(), u));
            for (LeadWork w : pending) {
                try {
                    assign(w, batch, active);
                } catch (RuntimeException ex) {
                    w.fail(ex); // this lead only: a routing plugin's or a profile's fault must not cost the batch
                }
            }
        } finally {
            batch.close();
        }
    }

    private void assign(LeadWork w, RoutingBatch batch, Map<Long, User> active) {
        if (w.contactOwner != null && active.containsKey(w.contactOwner)) {
            w.assignee = w.contactOwner;
            w.reason = "existing contact #" + w.contactId + " is owned by " + active.get(w.contactOwner).username();
        } else if (w.sameAs != null && w.sameAs.failure == null) {
            w.assignee = w.sameAs.assignee;
            w.reason = "same person as an earlier lead of this delivery (" + w.sameAs.incoming.sourceLeadId() + "); " + w.sameAs.reason;
        } else {
            w.sameAs = null; // the lead it repeats failed: it goes its own way
            LeadRouter.Choice choice = router.route(batch, new RoutingRequest(w.profile(), w.score));
            w.assignee = choice.rep() == null ? null : choice.rep().id();
            w.reason = choice.reason() + (w.existingContact ? "; existing contact #" + w.contactId + " had no active owner" : "");
        }
    }

    void store(Exchange e) {
        writer.store(pending(e));
    }

    void publish(Exchange e) {
        EventAdmin admin = events.get();
        if (admin == null) {
            return;
        }
        for (LeadWork w : works(e)) {
            if (w.created) {
                Lead l = w.lead;
                Map<String, Object> props = new HashMap<>();
                props.put("lead.id", l.id());
                props.put("contact.id", l.contactId());
                props.put("lead.source", l.source());
                if (l.referredBy() != null) {
                    props.put("referred.by", l.referredBy());
                }
                if (l.assignedTo() != null) {
                    props.put("assigned.to", l.assignedTo());
                }
                if (l.assignmentReason() != null) {
                    props.put("assignment.reason", l.assignmentReason());
                }
                props.put("received.at", l.receivedAt().toEpochMilli());
                if (l.score() != null) {
                    props.put("lead.score", l.score());
                }
                admin.postEvent(new Event(TOPIC_CREATED, props));
            }
        }
    }

    void enqueue(Exchange e) {
        CallQueue q = queue.get();
        if (q == null || intakeBucket == null || intakeBucket.isBlank()) {
            return;
        }
        List<Long> ids = new ArrayList<>(works(e).stream().filter(w -> w.created).map(w -> w.lead.contactId()).distinct().toList());
        if (ids.isEmpty()) {
            return;
        }
        q.buckets().stream().filter(b -> b.name().equals(intakeBucket)).findFirst().ifPresentOrElse(b -> {
            for (int from = 0; from < ids.size(); from += 10_000) {
                var r = q.enqueue(Actor.system(), b.id(), ids.subList(from, Math.min(ids.size(), from + 10_000)), null, false);
                if (!r.refused().isEmpty()) {
                    LOG.info("{} new leads' contacts not queued in {}: {}", r.refused().size(), intakeBucket, r.refused());
                }
            }
        }, () -> LOG.warn("intake bucket {} does not exist; {} new leads not queued", intakeBucket, ids.size()));
    }
}
