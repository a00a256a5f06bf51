package org.evergreencrm.timeline.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.FieldError;
import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.api.store.SchemaReady;
import org.evergreencrm.api.timeline.ActivityKinds;
import org.evergreencrm.api.timeline.Note;
import org.evergreencrm.api.timeline.Task;
import org.evergreencrm.api.timeline.TaskDraft;
import org.evergreencrm.api.timeline.TimelineEvents;
import org.evergreencrm.api.timeline.TimelinePage;
import org.evergreencrm.api.timeline.TimelineQuery;
import org.evergreencrm.api.timeline.TimelineService;
import org.evergreencrm.store.jdbc.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The timeline, notes and tasks. The contact access rule is the contact service's ({@code checkRead},
 * {@code readable}, {@code getForChange}); nothing here restates it.
 */
@Component(service = TimelineService.class)
public final class TimelineServiceImpl implements TimelineService {
    static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final int MAX_NOTE = 8000;
    private static final int MAX_TITLE = 300;
    private final TimelineStore store;
    private final WorkItems items;
    private final ContactService contacts;
    private final UserService users;
    private final Clock clock;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;

    @Activate
    public TimelineServiceImpl(@Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds,
            @Reference(target = "(evergreen.schema=org.evergreencrm.timeline)") SchemaReady schema,
            @Reference ContactService contacts, @Reference UserService users) {
        this(ds, contacts, users, Clock.systemUTC());
    }

    TimelineServiceImpl(DataSource ds, ContactService contacts, UserService users, Clock clock) {
        this.store = new TimelineStore(ds);
        this.items = new WorkItems(ds);
        this.contacts = contacts;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public TimelinePage timeline(Actor actor, long contactId, TimelineQuery query) {
        TimelineQuery q = query == null ? new TimelineQuery(Set.of(), null, null, null, 50) : query;
        List<FieldError> errors = new ArrayList<>();
        if (q.limit() < 1 || q.limit() > 200) {
            errors.add(new FieldError("limit", "must be between 1 and 200"));
        }
        for (String kind : q.kinds() == null ? Set.<String>of() : q.kinds()) {
            if (kind == null || !KIND.matcher(kind).matches()) {
                errors.add(new FieldError("kind", "not a kind: " + TimelineStore.cut(String.valueOf(kind), 40)));
            }
        }
        if (q.from() != null && q.to() != null && !q.from().isBefore(q.to())) {
            errors.add(new FieldError("from", "must be before to"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        contacts.checkRead(actor, contactId);
        return store.page(contactId, q);
    }

    @Override
    public Note addNote(Actor actor, long contactId, String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new ValidationException("text", "a note needs some text");
        }
        if (body.length() > MAX_NOTE) {
            throw new ValidationException("text", "at most " + MAX_NOTE + " characters");
        }
        contacts.checkRead(actor, contactId);
        List<String> mentions = Mentions.of(body, name -> users.findByUsername(name).filter(User::active).isPresent());
        Instant now = clock.instant();
        Note note = Jdbc.inTransaction(store.dataSource(), c -> {
            Note n = WorkItems.insertNote(c, contactId, actor.username(), body, mentions, now);
            TimelineStore.record(c, new TimelineStore.Entry(contactId, now, ActivityKinds.NOTE, actor.username(),
                    "Note by " + actor.username() + ": " + body, Json.of("noteId", n.id(), "text", body, "mentions", mentions),
                    "note/" + n.id()));
            return n;
        });
        changed(contactId, ActivityKinds.NOTE);
        for (String user : mentions) {
            post(TimelineEvents.MENTIONED, Map.of(TimelineEvents.CONTACT_ID, contactId, TimelineEvents.USERNAME, user,
                    TimelineEvents.ITEM_ID, note.id(), TimelineEvents.ACTOR, actor.username()));
        }
        return note;
    }

    @Override
    public Task addTask(Actor actor, long contactId, TaskDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        String title = draft == null || draft.title() == null ? "" : draft.title().strip();
        if (title.isEmpty()) {
            errors.add(new FieldError("title", "a task needs a title"));
        } else if (title.length() > MAX_TITLE) {
            errors.add(new FieldError("title", "at most " + MAX_TITLE + " characters"));
        }
        Instant due = draft == null ? null : draft.dueAt();
        if (due == null) {
            errors.add(new FieldError("dueAt", "a task needs a due time (ISO-8601, e.g. 2026-12-03T15:00:00Z)"));
        } else if (due.isBefore(Instant.parse("2000-01-01T00:00:00Z")) || due.isAfter(Instant.parse("2100-01-01T00:00:00Z"))) {
            errors.add(new FieldError("dueAt", "must be between 2000 and 2100"));
        }
        String assignee = draft == null || draft.assignee() == null || draft.assignee().isBlank() ? actor.username()
                : draft.assignee().strip().toLowerCase(java.util.Locale.ROOT);
        Optional<User> user = users.findByUsername(assignee).filter(User::active);
        if (user.isEmpty()) {
            errors.add(new FieldError("assignee", "no active user with that name"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        contacts.checkRead(actor, contactId);
        requireMayAssign(actor, user.get());
        Instant now = clock.instant();
        Task created = Jdbc.inTransaction(store.dataSource(), c -> {
            Task t = WorkItems.insertTask(c, contactId, title, due, assignee, actor.username(), now);
            TimelineStore.record(c, new TimelineStore.Entry(contactId, now, ActivityKinds.TASK_CREATED, actor.username(),
                    "Task for " + assignee + ", due " + t.dueAt() + ": " + title,
                    Json.of("taskId", t.id(), "title", title, "dueAt", t.dueAt().toString(), "assignee", assignee), "task/" + t.id() + "/created"));
            return t;
        });
        changed(contactId, ActivityKinds.TASK_CREATED);
        return created;
    }

    @Override
    public Task completeTask(Actor actor, long taskId) {
        Task task = items.task(taskId).orElseThrow(() -> new NotFoundException("task", taskId));
        contacts.checkRead(actor, task.contactId());
        if (!actor.username().equals(task.assignee()) && !actor.username().equals(task.createdBy())) {
            contacts.getForChange(actor, task.contactId()); // refuses who may only read the contact
        }
        Instant now = clock.instant();
        Jdbc.inTransaction(store.dataSource(), c -> {
            if (WorkItems.complete(c, taskId, actor.username(), now)) {
                TimelineStore.record(c, new TimelineStore.Entry(task.contactId(), now, ActivityKinds.TASK_DONE, actor.username(),
                        "Task done by " + actor.username() + ": " + task.title(), Json.of("taskId", taskId, "title", task.title()),
                        "task/" + taskId + "/done"));
            }
            return null;
        });
        changed(task.contactId(), ActivityKinds.TASK_DONE);
        return items.task(taskId).orElseThrow(() -> new NotFoundException("task", taskId));
    }

    @Override
    public List<Task> openTasks(Actor actor, String assignee, boolean overdueOnly, Instant dueBefore, int limit) {
        if (limit < 1 || limit > 500) {
            throw new ValidationException("limit", "must be between 1 and 500");
        }
        String who = assignee == null || assignee.isBlank() ? actor.username() : assignee.strip().toLowerCase(java.util.Locale.ROOT);
        if (!who.equals(actor.username())) {
            User user = users.findByUsername(who).orElseThrow(() -> new NotFoundException("user", who));
            requireMayAssign(actor, user);
        }
        Instant now = clock.instant();
        Instant bound = overdueOnly ? (dueBefore == null || dueBefore.isAfter(now) ? now : dueBefore) : dueBefore;
        List<Task> open = items.open(who, bound, limit);
        Set<Long> readable = contacts.readable(actor, open.stream().map(Task::contactId).distinct().toList());
        return open.stream().filter(t -> readable.contains(t.contactId())).toList();
    }

    /** A rep works their own tasks; a manager their team's; an admin anyone's. */
    private void requireMayAssign(Actor actor, User user) {
        if (actor.isAdmin() || user.username().equals(actor.username())) {
            return;
        }
        if (actor.role() == Role.MANAGER && actor.teamId() != null && Objects.equals(actor.teamId(), user.teamId())) {
            return;
        }
        throw new AccessDeniedException("tasks of other users are their manager's or an admin's");
    }

    private void changed(long contactId, String kind) {
        post(TimelineEvents.CHANGED, Map.of(TimelineEvents.CONTACT_ID, contactId, TimelineEvents.KIND, kind));
    }

    private void post(String topic, Map<String, Object> props) {
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new Event(topic, new HashMap<>(props)));
        }
    }
}
