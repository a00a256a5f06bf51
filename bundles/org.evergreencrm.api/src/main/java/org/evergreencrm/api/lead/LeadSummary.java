package org.evergreencrm.api.lead;

import org.evergreencrm.api.contact.ContactStatus;

/** A lead as a list shows it: the lead with its contact's name and status and the assignee's username. */
public record LeadSummary(Lead lead, String contactName, ContactStatus status, String assignedToUsername) {
}
