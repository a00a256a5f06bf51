package org.evergreencrm.timeline.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.evergreencrm.api.schedule.RecurringTask;
import org.evergreencrm.api.schedule.TaskScheduler;
import org.evergreencrm.api.store.SchemaReady;
import org.evergreencrm.api.timeline.ActivityKinds;
import org.evergreencrm.api.timeline.Task;
import org.evergreencrm.api.timeline.TimelineEvents;
import org.evergreencrm.store.jdbc.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.event.EventAdmin;

/**
 * On the platform scheduler (once per cluster): tasks that fell due get a {@code TASK_DUE} entry on their contact's
 * timeline and a {@link TimelineEvents#TASK_DUE} event for their assignee, once each.
 */
@Component(service = RecurringTask.class, configurationPid = "org.evergreencrm.timeline")
@Designate(ocd = TimelineConfig.class)
public final class TaskReminders implements RecurringTask {
    private final WorkItems items;
    private final TimelineStore store;
    private final DataSource ds;
    /**
     * Only to say which node reminded: optional and dynamic, since the scheduler binds this task (a mandatory reference
     * both ways would be a cycle that DS cannot always resolve).
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile TaskScheduler scheduler;
    private final Duration every;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;

    @Activate
    public TaskReminders(@Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds,
            @Reference(target = "(evergreen.schema=org.evergreencrm.timeline)") SchemaReady schema,
            TimelineConfig config) {
        this.ds = ds;
        this.every = Duration.ofSeconds(Math.max(1, config.reminderSeconds()));
        this.items = new WorkItems(ds);
        this.store = new TimelineStore(ds);
    }

    @Override
    public String name() {
        return "timeline-task-reminders";
    }

    @Override
    public Duration every() {
        return every;
    }

    @Override
    public void run() {
        Instant now = Instant.now();
        // marking a task reminded and writing its entry commit together; the events go out after the commit
        Jdbc.inTransaction(ds, c -> {
            for (Task t : items.takeDue(now, 500)) {
                store.record(new TimelineStore.Entry(t.contactId(), now, ActivityKinds.TASK_DUE, "system",
                        "Task due for " + t.assignee() + ": " + t.title(), Json.of("taskId", t.id(), "dueAt", t.dueAt().toString(),
                                "assignee", t.assignee(), "node", node()), "task/" + t.id() + "/due"));
                Jdbc.afterCommit(() -> remind(t));
            }
            return null;
        });
    }

    private String node() {
        TaskScheduler s = scheduler;
        return s == null ? "unknown" : s.node();
    }

    private void remind(Task t) {
        EventAdmin admin = events;
        if (admin != null) {
            Map<String, Object> props = new HashMap<>();
            props.put(TimelineEvents.CONTACT_ID, t.contactId());
            props.put(TimelineEvents.USERNAME, t.assignee());
            props.put(TimelineEvents.ITEM_ID, t.id());
            admin.postEvent(new Event(TimelineEvents.TASK_DUE, props));
        }
    }
}
