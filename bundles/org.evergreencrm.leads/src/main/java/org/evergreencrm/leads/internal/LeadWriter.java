package org.evergreencrm.leads.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.lead.Lead;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.store.jdbc.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store step: the batch's new contacts (owned by their assignees) and its leads in <em>one</em> transaction — a
 * crash leaves either all of them or none, and a redelivery finds them by (source, id). When the batch write fails
 * (a lead stored meanwhile by another node, a row the database refuses) it is rolled back and the leads are written
 * one by one, each in its own transaction, so only the lead at fault fails.
 */
final class LeadWriter {
    private static final Logger LOG = LoggerFactory.getLogger(LeadWriter.class);
    private final LeadStore store;
    private final ContactService contacts;
    private final Clock clock;

    LeadWriter(LeadStore store, ContactService contacts, Clock clock) {
        this.store = store;
        this.contacts = contacts;
        this.clock = clock;
    }

    void store(List<LeadWork> works) {
        if (works.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        try {
            List<Lead> stored = Jdbc.inTransaction(store.dataSource(), c -> write(c, works, now));
            for (int i = 0; i < works.size(); i++) {
                works.get(i).lead = stored.get(i);
                works.get(i).created = true;
            }
        } catch (RuntimeException batchFailure) {
            if (works.size() > 1) {
                LOG.info("writing {} leads at once failed ({}); writing them one by one", works.size(), batchFailure.getMessage());
            }
            for (LeadWork w : works) {
                storeOne(w, now);
            }
        }
        for (LeadWork w : works) {
            if (w.created && w.existingContact && w.sameAs == null && w.assignee != null && !w.assignee.equals(w.contactOwner)) {
                takeOver(w);
            }
        }
    }

    private void storeOne(LeadWork w, Instant now) {
        LeadWork root = w.sameAs;
        if (root != null && root.lead == null) {
            w.sameAs = null; // the lead it repeats could not be stored: it gets its own contact
        }
        try {
            w.lead = Jdbc.inTransaction(store.dataSource(), c -> write(c, List.of(w), now)).get(0);
            w.created = true;
        } catch (RuntimeException e) {
            Optional<Lead> meanwhile = store.findBySource(w.incoming.source(), w.incoming.sourceLeadId());
            if (meanwhile.isPresent()) {
                w.lead = meanwhile.get(); // stored by another node or thread: the same lead, stored once
            } else {
                w.fail(e);
            }
        }
    }

    /** Writes on the open transaction; answers the leads in order (nothing is set on the works before the commit). */
    private List<Lead> write(Connection c, List<LeadWork> works, Instant now) throws SQLException {
        List<LeadWork> creating = new ArrayList<>();
        List<ContactDraft> drafts = new ArrayList<>();
        java.util.Set<LeadWork> here = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        here.addAll(works);
        for (LeadWork w : works) {
            if (w.contactId == null && (w.sameAs == null || !here.contains(w.sameAs) && w.sameAs.lead == null)) {
                creating.add(w);
                ContactDraft d = w.draft;
                drafts.add(new ContactDraft(d.kind(), d.firstName(), d.lastName(), d.householdName(), d.phones(), d.emails(),
                        d.address(), d.source(), w.assignee, d.status(), d.tags(), d.customFields()));
            }
        }
        List<Contact> created = contacts.createAll(Actor.system(), drafts); // joins this transaction
        Map<LeadWork, Long> contactOf = new IdentityHashMap<>();
        for (int i = 0; i < creating.size(); i++) {
            contactOf.put(creating.get(i), created.get(i).id());
        }
        List<Lead> leads = new ArrayList<>(works.size());
        for (LeadWork w : works) {
            long contactId;
            if (w.contactId != null) {
                contactId = w.contactId;
            } else if (contactOf.containsKey(w)) {
                contactId = contactOf.get(w);
            } else if (w.sameAs.contactId != null) {
                contactId = w.sameAs.contactId;
            } else if (contactOf.containsKey(w.sameAs)) {
                contactId = contactOf.get(w.sameAs);
            } else {
                contactId = w.sameAs.lead.contactId();
            }
            Instant received = w.incoming.receivedAt() == null ? now : w.incoming.receivedAt();
            leads.add(new Lead(0, w.incoming.source(), w.incoming.sourceLeadId(), contactId, w.existingContact || w.sameAs != null,
                    w.assignee, w.reason, received, now, w.assignee == null ? null : now, null,
                    w.incoming.rawPayload() == null ? "" : w.incoming.rawPayload(), w.incoming.referredBy(), w.score, w.location,
                    w.notes.isEmpty() ? null : String.join("; ", w.notes), w.scored));
        }
        return LeadStore.insertAll(c, leads);
    }

    /** An existing contact whose owner is gone gets the lead's assignee as its owner, so the rep can see whom to call. */
    private void takeOver(LeadWork w) {
        try {
            Contact c = contacts.get(Actor.system(), w.lead.contactId());
            if (c.ownerId() == null || c.ownerId().equals(w.contactOwner)) {
                contacts.update(Actor.system(), c.id(), LeadWork.withOwner(c, w.assignee), null);
            }
        } catch (RuntimeException e) {
            LOG.warn("lead {}: contact {} could not be given to its new rep: {}", w.lead.id(), w.lead.contactId(), e.getMessage());
        }
    }
}
