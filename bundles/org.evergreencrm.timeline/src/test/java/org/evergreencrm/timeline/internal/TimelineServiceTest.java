package org.evergreencrm.timeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.dedup.MergeEvents;
import org.evergreencrm.api.queue.QueueEvents;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.api.timeline.Activity;
import org.evergreencrm.api.timeline.ActivityKinds;
import org.evergreencrm.api.timeline.Note;
import org.evergreencrm.api.timeline.Task;
import org.evergreencrm.api.timeline.TaskDraft;
import org.evergreencrm.api.timeline.TimelineEvents;
import org.evergreencrm.api.timeline.TimelinePage;
import org.evergreencrm.api.timeline.TimelineQuery;
import org.evergreencrm.store.internal.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.service.event.Event;

/**
 * The timeline on H2 and PostgreSQL: entries from events (once per event), keyset pages, notes with mentions, tasks
 * and their reminders, merge and undo, and the contact rule (here a stub: rick owns contact 1, rita contact 2).
 */
class TimelineServiceTest {
    static final Instant NOW = Instant.parse("2026-12-02T15:00:00Z");
    static final Actor RICK = new Actor(11L, "rick", Role.REP, 1L);
    static final Actor RITA = new Actor(12L, "rita", Role.REP, 1L);
    static final Actor MARIA = new Actor(13L, "maria", Role.MANAGER, 1L);
    static final Map<Long, String> OWNERS = Map.of(1L, "rick", 2L, "rita", 3L, "rick");

    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.all();
    }

    record Fixture(DataSource ds, TimelineServiceImpl service, ActivityRecorder recorder, TimelineStore store) {
    }

    static Fixture fixture(TestDatabases.Db db) {
        DataSource ds = TestDatabases.migrated(db.dataSource());
        ContactService contacts = contacts();
        UserService users = users();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new Fixture(ds, new TimelineServiceImpl(ds, contacts, users, clock),
                new ActivityRecorder(new TimelineStore(ds), users, clock), new TimelineStore(ds));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void eventsBecomeEntriesOnceEachNewestFirstInKeysetPages(TestDatabases.Db db) {
        Fixture f = fixture(db);
        Event lead = new Event("org/evergreencrm/lead/CREATED", Map.of("lead.id", 7L, "contact.id", 1L, "lead.source", "form:demo",
                "assigned.to", 11L, "assignment.reason", "territory FL-West; fewest open leads", "received.at", NOW.minusSeconds(60).toEpochMilli()));
        f.recorder().handleEvent(lead);
        f.recorder().handleEvent(lead); // redelivered
        f.recorder().handleEvent(new Event(QueueEvents.CLAIMED, Map.of(QueueEvents.CONTACT_ID, 1L, QueueEvents.ATTEMPT_ID, 5L,
                QueueEvents.USERNAME, "rick")));
        f.recorder().handleEvent(new Event(QueueEvents.OUTCOME, Map.of(QueueEvents.CONTACT_ID, 1L, QueueEvents.ATTEMPT_ID, 5L,
                QueueEvents.USERNAME, "rick", QueueEvents.OUTCOME_NAME, "NO_ANSWER")));
        f.recorder().handleEvent(new Event(QueueEvents.BLOCKED, Map.of(QueueEvents.CONTACT_ID, 1L, QueueEvents.CODE, "OUTSIDE_CALLING_HOURS",
                QueueEvents.REASON, "21:40 in America/New_York", QueueEvents.UNTIL, NOW.plusSeconds(36_000).toEpochMilli())));
        // a plugin's own kind; one without a key is refused (logged), not stored
        f.recorder().handleEvent(new Event(TimelineEvents.ACTIVITY, Map.of(TimelineEvents.CONTACT_ID, 1L, TimelineEvents.KIND, "ROOF_INSPECTED",
                TimelineEvents.SUMMARY, "Roof inspected: 12 years old", TimelineEvents.KEY, "roofing/inspection/3",
                TimelineEvents.PAYLOAD, "{\"ageYears\":12}")));
        f.recorder().handleEvent(new Event(TimelineEvents.ACTIVITY, Map.of(TimelineEvents.CONTACT_ID, 1L, TimelineEvents.KIND, "ROOF_INSPECTED",
                TimelineEvents.SUMMARY, "no key")));

        TimelinePage all = f.service().timeline(RICK, 1L, new TimelineQuery(Set.of(), null, null, null, 50));
        List<String> kinds = all.items().stream().map(Activity::kind).toList();
        assertEquals(6, kinds.size(), kinds.toString());
        assertEquals(Set.of(ActivityKinds.LEAD_RECEIVED, ActivityKinds.LEAD_ASSIGNED, ActivityKinds.QUEUE_CLAIMED, ActivityKinds.CALL_OUTCOME,
                ActivityKinds.COMPLIANCE_BLOCKED, "ROOF_INSPECTED"), new HashSet<>(kinds));
        Activity assigned = all.items().stream().filter(a -> a.kind().equals(ActivityKinds.LEAD_ASSIGNED)).findFirst().orElseThrow();
        assertEquals("Assigned to rick: territory FL-West; fewest open leads", assigned.summary());
        assertTrue(assigned.payload().contains("\"reason\":\"territory FL-West"), assigned.payload());
        assertEquals(ActivityKinds.LEAD_RECEIVED, kinds.get(kinds.size() - 1), "the lead was received first: it is last, newest first");

        // pages of 3 walk the same entries in the same order, without gaps or repeats
        List<Long> walked = new java.util.ArrayList<>();
        String cursor = null;
        do {
            TimelinePage p = f.service().timeline(RICK, 1L, new TimelineQuery(Set.of(), null, null, cursor, 3));
            p.items().forEach(a -> walked.add(a.id()));
            cursor = p.next();
        } while (cursor != null);
        assertEquals(all.items().stream().map(Activity::id).toList(), walked);

        TimelinePage calls = f.service().timeline(RICK, 1L, new TimelineQuery(Set.of(ActivityKinds.CALL_OUTCOME), null, null, null, 10));
        assertEquals(1, calls.items().size());
        assertEquals("Call by rick: NO_ANSWER", calls.items().get(0).summary());
        TimelinePage window = f.service().timeline(RICK, 1L, new TimelineQuery(Set.of(), NOW.minusSeconds(120), NOW.minusSeconds(30), null, 10));
        assertEquals(List.of(ActivityKinds.LEAD_RECEIVED), window.items().stream().map(Activity::kind).toList());

        ValidationException bad = assertThrows(ValidationException.class,
                () -> f.service().timeline(RICK, 1L, new TimelineQuery(Set.of("no such"), null, null, "garbage!", 0)));
        assertEquals(Set.of("limit", "kind"), bad.errors().stream().map(e -> e.field()).collect(java.util.stream.Collectors.toSet()));
        assertThrows(ValidationException.class, () -> f.service().timeline(RICK, 1L, new TimelineQuery(Set.of(), null, null, "garbage!", 5)));
        assertThrows(AccessDeniedException.class, () -> f.service().timeline(RITA, 1L, new TimelineQuery(Set.of(), null, null, null, 5)),
                "a rep reads only the timelines of contacts they may see");
        assertEquals(6, f.service().timeline(MARIA, 1L, new TimelineQuery(Set.of(), null, null, null, 50)).items().size(), "the manager may");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void notesMentionUsersAndTasksAreRemindedOnceAndDoneOnce(TestDatabases.Db db) {
        Fixture f = fixture(db);
        Note n = f.service().addNote(RICK, 1L, "  Roof faces south. Ask @maria about financing; mail ann@example.com, cc @nobody and @Rita.  ");
        assertEquals(List.of("maria", "rita"), n.mentions());
        assertEquals("Roof faces south. Ask @maria about financing; mail ann@example.com, cc @nobody and @Rita.", n.text());
        assertThrows(ValidationException.class, () -> f.service().addNote(RICK, 1L, "   "));
        assertThrows(AccessDeniedException.class, () -> f.service().addNote(RITA, 1L, "not mine"));

        Task due = f.service().addTask(RICK, 1L, new TaskDraft("Call back about financing", NOW.minusSeconds(5), null));
        Task later = f.service().addTask(MARIA, 3L, new TaskDraft("Send the proposal", NOW.plusSeconds(86_400), "rick"));
        ValidationException bad = assertThrows(ValidationException.class,
                () -> f.service().addTask(RICK, 1L, new TaskDraft(" ", null, "ghost")));
        assertEquals(Set.of("title", "dueAt", "assignee"), bad.errors().stream().map(e -> e.field()).collect(java.util.stream.Collectors.toSet()));
        assertThrows(AccessDeniedException.class, () -> f.service().addTask(RICK, 1L, new TaskDraft("for rita", NOW, "rita")),
                "a rep assigns tasks only to themselves");

        assertEquals(List.of(due.id(), later.id()), f.service().openTasks(RICK, null, false, null, 50).stream().map(Task::id).toList());
        assertEquals(List.of(due.id()), f.service().openTasks(RICK, null, true, null, 50).stream().map(Task::id).toList(), "overdue");
        assertEquals(List.of(due.id(), later.id()), f.service().openTasks(MARIA, "rick", false, null, 50).stream().map(Task::id).toList());
        assertThrows(AccessDeniedException.class, () -> f.service().openTasks(RITA, "rick", false, null, 50));

        WorkItems items = new WorkItems(f.ds());
        assertEquals(List.of(due.id()), items.takeDue(NOW, 10).stream().map(Task::id).toList());
        assertEquals(List.of(), items.takeDue(NOW, 10), "reminded once");

        assertThrows(AccessDeniedException.class, () -> f.service().completeTask(RITA, due.id()));
        Task done = f.service().completeTask(RICK, due.id());
        assertEquals("rick", done.doneBy());
        assertNotNull(done.doneAt());
        f.service().completeTask(RICK, due.id());
        List<String> kinds = f.service().timeline(RICK, 1L, new TimelineQuery(Set.of(), null, null, null, 50)).items().stream()
                .map(Activity::kind).toList();
        assertEquals(List.of(ActivityKinds.TASK_DONE, ActivityKinds.TASK_CREATED, ActivityKinds.NOTE), kinds, "done once");
        assertEquals(List.of(later.id()), f.service().openTasks(RICK, null, false, null, 50).stream().map(Task::id).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aMergeMovesTheLosersTimelineAndUndoMovesExactlyThatBack(TestDatabases.Db db) {
        Fixture f = fixture(db);
        f.service().addNote(RICK, 1L, "survivor's own note");
        f.service().addNote(RICK, 3L, "loser's note");
        f.service().addTask(RICK, 3L, new TaskDraft("loser's task", NOW.plusSeconds(60), null));
        f.store().merged(40L, 1L, 3L);
        f.recorder().handleEvent(new Event(MergeEvents.MERGED, Map.of(MergeEvents.MERGE_ID, 40L, MergeEvents.SURVIVOR_ID, 1L,
                MergeEvents.LOSER_ID, 3L, MergeEvents.ACTOR, "maria")));
        assertEquals(4, page(f, 1L).size(), "its own note, the two moved entries, the merge");
        assertEquals(0, page(f, 3L).size());
        f.store().merged(40L, 1L, 3L); // a participant may run twice
        f.store().undone(40L);
        f.recorder().handleEvent(new Event(MergeEvents.UNDONE, Map.of(MergeEvents.MERGE_ID, 40L, MergeEvents.SURVIVOR_ID, 1L,
                MergeEvents.LOSER_ID, 3L, MergeEvents.ACTOR, "maria")));
        assertEquals(List.of(ActivityKinds.MERGE_UNDONE, ActivityKinds.CONTACT_MERGED, ActivityKinds.NOTE),
                page(f, 1L).stream().map(Activity::kind).toList());
        assertEquals(List.of(ActivityKinds.MERGE_UNDONE, ActivityKinds.TASK_CREATED, ActivityKinds.NOTE),
                page(f, 3L).stream().map(Activity::kind).toList());
        assertEquals(3L, f.service().openTasks(RICK, null, false, null, 10).get(0).contactId(), "the task went back too");
        assertNull(TimelineStore.Cursor.parse(null));
    }

    private static List<Activity> page(Fixture f, long contact) {
        return f.service().timeline(Actor.system(), contact, new TimelineQuery(Set.of(), null, null, null, 50)).items();
    }

    /** rick owns 1 and 3, rita 2; managers and admins read all; a rep reads their own. */
    static ContactService contacts() {
        return (ContactService) Proxy.newProxyInstance(TimelineServiceTest.class.getClassLoader(), new Class<?>[] {ContactService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "checkRead", "getForChange" -> {
                        Actor a = (Actor) args[0];
                        long id = (Long) args[1];
                        if (!(a.isAdmin() || a.role() == Role.MANAGER || a.username().equals(OWNERS.get(id)))) {
                            throw new AccessDeniedException("contact " + id + " is someone else's");
                        }
                        yield null;
                    }
                    case "readable" -> {
                        Actor a = (Actor) args[0];
                        Set<Long> out = new HashSet<>();
                        for (Object o : (java.util.Collection<?>) args[1]) {
                            long id = (Long) o;
                            if (a.isAdmin() || a.role() == Role.MANAGER || a.username().equals(OWNERS.get(id))) {
                                out.add(id);
                            }
                        }
                        yield out;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static UserService users() {
        Map<String, User> users = new HashMap<>();
        for (Actor a : List.of(RICK, RITA, MARIA)) {
            users.put(a.username(), new User(a.userId(), a.username(), a.username(), null, a.role(), a.teamId(), true, NOW, NOW));
        }
        return (UserService) Proxy.newProxyInstance(TimelineServiceTest.class.getClassLoader(), new Class<?>[] {UserService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "findByUsername" -> Optional.ofNullable(users.get((String) args[0]));
                    case "getUser" -> users.values().stream().filter(u -> u.id() == (Long) args[1]).findFirst().orElseThrow();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
