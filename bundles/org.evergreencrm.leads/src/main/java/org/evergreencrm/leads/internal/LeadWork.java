package org.evergreencrm.leads.internal;

import java.util.ArrayList;
import java.util.List;

import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.lead.GeoPoint;
import org.evergreencrm.api.lead.IncomingLead;
import org.evergreencrm.api.lead.Lead;
import org.evergreencrm.api.lead.LeadProfile;

/** One lead of a batch, as the intake route carries it from step to step. */
final class LeadWork {
    final IncomingLead incoming;
    /** The contact it describes, cleaned and validated (and improved by the optional steps). */
    ContactDraft draft;
    GeoPoint location;
    Double score;
    /** The score's priority, model and reasons, when the scorer gave them. */
    org.evergreencrm.api.lead.LeadScore scored;
    final List<String> notes = new ArrayList<>();
    /** The existing contact it was linked to, and that contact's owner. */
    Long contactId;
    Long contactOwner;
    boolean existingContact;
    /** An earlier lead of the same batch that is the same person (its contact is used). */
    LeadWork sameAs;
    /** An earlier lead of the same batch with the same source and id (this one is that delivery again). */
    LeadWork sameDelivery;
    Long assignee;
    String reason;
    /** The stored lead (new, or found stored already). */
    Lead lead;
    /** Whether this batch stored it (false: it was stored already). */
    boolean created;
    /** Why it could not be taken in; it becomes a dead letter. */
    RuntimeException failure;
    org.evergreencrm.api.lead.DeadLetter deadLetter;

    /** @param incoming may be null (a batch with a hole): it fails at once */
    LeadWork(IncomingLead incoming) {
        this.incoming = incoming;
    }

    /** Still to be taken in: not failed, not found stored, not a repeat of another lead of the batch. */
    boolean pending() {
        return failure == null && lead == null && sameDelivery == null;
    }

    void fail(RuntimeException e) {
        failure = e;
    }

    LeadProfile profile() {
        return new LeadProfile(incoming.source(), incoming.fields(), draft, location, notes);
    }

    /** The contact's writable fields with another owner (a lead's contact following its lead to a new rep). */
    static org.evergreencrm.api.contact.ContactDraft withOwner(org.evergreencrm.api.contact.Contact c, Long owner) {
        return new org.evergreencrm.api.contact.ContactDraft(c.kind(), c.firstName(), c.lastName(), c.householdName(), c.phones(),
                c.emails(), c.address(), c.source(), owner, c.status(), c.tags(), c.customFields());
    }

    void apply(LeadProfile p) {
        draft = p.contact();
        location = p.location();
        notes.clear();
        notes.addAll(p.notes());
    }
}
