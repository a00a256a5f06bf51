package org.evergreencrm.api.timeline;

import java.time.Instant;

/** A follow-up task on a contact. {@code doneAt} is {@code null} while open; overdue when open past {@code dueAt}. */
public record Task(long id, long contactId, String title, Instant dueAt, String assignee, String createdBy, Instant createdAt,
        Instant doneAt, String doneBy) {

    public boolean overdue(Instant now) {
        return doneAt == null && dueAt.isBefore(now);
    }
}
