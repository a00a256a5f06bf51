package org.evergreencrm.api.timeline;

import java.time.Instant;

/** What a new task needs: a title, a due time, and whom it is for ({@code null}: the creator). */
public record TaskDraft(String title, Instant dueAt, String assignee) {
}
