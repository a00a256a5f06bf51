package org.evergreencrm.leads.internal;

import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.lead.IncomingLead;
import org.evergreencrm.api.lead.Lead;

/** What the intake route carries from step to step. */
final class LeadWork {
    final IncomingLead incoming;
    ContactDraft draft;
    Long contactId;
    Long contactOwner;
    boolean existingContact;
    Long assignee;
    String reason;
    Lead lead;

    LeadWork(IncomingLead incoming) {
        this.incoming = incoming;
    }
}
