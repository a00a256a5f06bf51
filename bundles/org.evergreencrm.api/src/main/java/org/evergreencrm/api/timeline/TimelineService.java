package org.evergreencrm.api.timeline;

import java.util.List;

import org.evergreencrm.api.security.Actor;

/**
 * A contact's timeline, its notes and tasks. Everything follows the contact access rule: an actor who may not read
 * the contact gets the same refusal as reading the contact itself.
 */
@org.osgi.annotation.versioning.ProviderType
public interface TimelineService {

    TimelinePage timeline(Actor actor, long contactId, TimelineQuery query);

    /** Adds a note; {@code @username} of existing users become mentions (they are told by {@link TimelineEvents#MENTIONED}). */
    Note addNote(Actor actor, long contactId, String text);

    /** Adds a task; a reminder ({@link ActivityKinds#TASK_DUE}) comes through the platform scheduler at its due time. */
    Task addTask(Actor actor, long contactId, TaskDraft draft);

    /** Marks a task done: its assignee, its creator, or whoever may change the contact. Done twice is done once. */
    Task completeTask(Actor actor, long taskId);

    /**
     * Open tasks, soonest due first: {@code assignee} ({@code null}: the actor's own) of contacts the actor may read;
     * {@code overdueOnly} for those past due; {@code dueBefore} to bound them (e.g. the end of today).
     */
    List<Task> openTasks(Actor actor, String assignee, boolean overdueOnly, java.time.Instant dueBefore, int limit);
}
