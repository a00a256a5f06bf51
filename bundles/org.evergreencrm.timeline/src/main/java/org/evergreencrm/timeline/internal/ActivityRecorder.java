package org.evergreencrm.timeline.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import org.evergreencrm.api.dedup.MergeEvents;
import org.evergreencrm.api.queue.QueueEvents;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.api.store.SchemaReady;
import org.evergreencrm.api.timeline.ActivityKinds;
import org.evergreencrm.api.timeline.TimelineEvents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the timeline from the domain events: the producers do not know the timeline. Each happening has a key
 * (e.g. {@code attempt/42/outcome}), so an event delivered twice is stored once. What cannot be stored (an event
 * without a contact, a plugin's malformed activity) is logged with its topic and properties, never dropped silently.
 */
@Component(service = EventHandler.class, property = {
    "event.topics=org/evergreencrm/lead/CREATED",
    "event.topics=org/evergreencrm/lead/SLA_BREACHED",
    "event.topics=" + QueueEvents.CLAIMED,
    "event.topics=" + QueueEvents.OUTCOME,
    "event.topics=" + QueueEvents.BLOCKED,
    "event.topics=" + MergeEvents.MERGED,
    "event.topics=" + MergeEvents.UNDONE,
    "event.topics=" + TimelineEvents.ACTIVITY})
public final class ActivityRecorder implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityRecorder.class);
    private final TimelineStore store;
    private final UserService users;
    private final Clock clock;
    @org.osgi.service.component.annotations.Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;

    @Activate
    public ActivityRecorder(@Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds,
            @Reference(target = "(evergreen.schema=org.evergreencrm.timeline)") SchemaReady schema, @Reference UserService users) {
        this(new TimelineStore(ds), users, Clock.systemUTC());
    }

    ActivityRecorder(TimelineStore store, UserService users, Clock clock) {
        this.store = store;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void handleEvent(Event e) {
        try {
            switch (e.getTopic()) {
                case "org/evergreencrm/lead/CREATED" -> leadCreated(e);
                case "org/evergreencrm/lead/SLA_BREACHED" -> slaBreached(e);
                case QueueEvents.CLAIMED -> record(e, QueueEvents.CONTACT_ID, ActivityKinds.QUEUE_CLAIMED, str(e, QueueEvents.USERNAME),
                        "Claimed from the call queue by " + str(e, QueueEvents.USERNAME),
                        Json.of("attemptId", e.getProperty(QueueEvents.ATTEMPT_ID)), "attempt/" + e.getProperty(QueueEvents.ATTEMPT_ID) + "/claimed");
                case QueueEvents.OUTCOME -> record(e, QueueEvents.CONTACT_ID, ActivityKinds.CALL_OUTCOME, str(e, QueueEvents.USERNAME),
                        "Call by " + str(e, QueueEvents.USERNAME) + ": " + str(e, QueueEvents.OUTCOME_NAME),
                        Json.of("attemptId", e.getProperty(QueueEvents.ATTEMPT_ID), "outcome", str(e, QueueEvents.OUTCOME_NAME)),
                        "attempt/" + e.getProperty(QueueEvents.ATTEMPT_ID) + "/outcome");
                case QueueEvents.BLOCKED -> record(e, QueueEvents.CONTACT_ID, ActivityKinds.COMPLIANCE_BLOCKED, "compliance",
                        "Not offered for calling (" + str(e, QueueEvents.CODE) + "): " + str(e, QueueEvents.REASON),
                        Json.of("code", str(e, QueueEvents.CODE), "reason", str(e, QueueEvents.REASON),
                                "until", String.valueOf(instant(e, QueueEvents.UNTIL))),
                        "blocked/" + e.getProperty(QueueEvents.CONTACT_ID) + "/" + str(e, QueueEvents.CODE) + "/" + e.getProperty(QueueEvents.UNTIL));
                case MergeEvents.MERGED -> record(e, MergeEvents.SURVIVOR_ID, ActivityKinds.CONTACT_MERGED, str(e, MergeEvents.ACTOR),
                        "Contact " + e.getProperty(MergeEvents.LOSER_ID) + " merged into this one by " + str(e, MergeEvents.ACTOR),
                        mergePayload(e), "merge/" + e.getProperty(MergeEvents.MERGE_ID) + "/merged");
                case MergeEvents.UNDONE -> {
                    String text = "Merge " + e.getProperty(MergeEvents.MERGE_ID) + " undone by " + str(e, MergeEvents.ACTOR)
                            + ": contact " + e.getProperty(MergeEvents.LOSER_ID) + " is separate again";
                    record(e, MergeEvents.SURVIVOR_ID, ActivityKinds.MERGE_UNDONE, str(e, MergeEvents.ACTOR), text, mergePayload(e),
                            "merge/" + e.getProperty(MergeEvents.MERGE_ID) + "/undone/survivor");
                    record(e, MergeEvents.LOSER_ID, ActivityKinds.MERGE_UNDONE, str(e, MergeEvents.ACTOR), text, mergePayload(e),
                            "merge/" + e.getProperty(MergeEvents.MERGE_ID) + "/undone/loser");
                }
                case TimelineEvents.ACTIVITY -> pluginActivity(e);
                default -> LOG.warn("timeline: no mapping for {}", e.getTopic());
            }
        } catch (RuntimeException ex) {
            LOG.error("timeline: could not store {} {}: {}", e.getTopic(), props(e), ex.getMessage(), ex);
        }
    }

    private void leadCreated(Event e) {
        Object lead = e.getProperty("lead.id");
        String source = str(e, "lead.source");
        Instant received = instant(e, "received.at");
        record(e, "contact.id", ActivityKinds.LEAD_RECEIVED, "system", "Lead received from " + source,
                Json.of("leadId", lead, "source", source, "referredBy", e.getProperty("referred.by"), "score", e.getProperty("lead.score")),
                "lead/" + lead + "/received", received);
        Object assigned = e.getProperty("assigned.to");
        if (assigned instanceof Long userId) {
            String rep = username(userId);
            String reason = str(e, "assignment.reason");
            record(e, "contact.id", ActivityKinds.LEAD_ASSIGNED, "system", "Assigned to " + rep + (reason.isEmpty() ? "" : ": " + reason),
                    Json.of("leadId", lead, "assignedTo", rep, "reason", reason), "lead/" + lead + "/assigned", null);
        }
    }

    private void slaBreached(Event e) {
        Object lead = e.getProperty("lead.id");
        Object assigned = e.getProperty("assigned.to");
        String rep = assigned instanceof Long userId ? username(userId) : null;
        record(e, "contact.id", ActivityKinds.LEAD_REASSIGNED, "system",
                (rep == null ? "Speed-to-lead missed, escalated: " : "Reassigned to " + rep + ": ") + str(e, "reason"),
                Json.of("leadId", lead, "assignedTo", rep, "reason", str(e, "reason")), "lead/" + lead + "/sla", null);
    }

    private void pluginActivity(Event e) {
        String kind = str(e, TimelineEvents.KIND);
        String key = str(e, TimelineEvents.KEY);
        String payload = e.getProperty(TimelineEvents.PAYLOAD) == null ? "{}" : str(e, TimelineEvents.PAYLOAD);
        if (!TimelineServiceImpl.KIND.matcher(kind).matches() || key.isBlank() || str(e, TimelineEvents.SUMMARY).isBlank()
                || !Json.isObject(payload)) {
            LOG.warn("timeline: refused an activity (kind, key and summary are required, payload must be a JSON object): {}", props(e));
            return;
        }
        String actor = e.getProperty(TimelineEvents.ACTOR) == null ? "system" : str(e, TimelineEvents.ACTOR);
        record(e, TimelineEvents.CONTACT_ID, kind, actor, str(e, TimelineEvents.SUMMARY), payload, "plugin/" + key,
                instant(e, TimelineEvents.TIMESTAMP));
    }

    private void record(Event e, String contactProperty, String kind, String actor, String summary, String payload, String key) {
        record(e, contactProperty, kind, actor, summary, payload, key, instant(e, "timestamp"));
    }

    private void record(Event e, String contactProperty, String kind, String actor, String summary, String payload, String key,
            Instant at) {
        Object contact = e.getProperty(contactProperty);
        if (!(contact instanceof Long id)) {
            LOG.warn("timeline: {} without a contact ({}): {}", e.getTopic(), contactProperty, props(e));
            return;
        }
        store.record(new TimelineStore.Entry(id, at == null ? clock.instant() : at, kind, actor, summary, payload, key));
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new Event(TimelineEvents.CHANGED, Map.of(TimelineEvents.CONTACT_ID, id, TimelineEvents.KIND, kind)));
        }
    }

    private String username(long userId) {
        try {
            return users.getUser(org.evergreencrm.api.security.Actor.system(), userId).username();
        } catch (RuntimeException ex) {
            return "user " + userId;
        }
    }

    private static String mergePayload(Event e) {
        return Json.of("mergeId", e.getProperty(MergeEvents.MERGE_ID), "survivorId", e.getProperty(MergeEvents.SURVIVOR_ID),
                "loserId", e.getProperty(MergeEvents.LOSER_ID));
    }

    private static String str(Event e, String name) {
        Object v = e.getProperty(name);
        return v == null ? "" : v.toString();
    }

    private static Instant instant(Event e, String name) {
        return e.getProperty(name) instanceof Long millis ? Instant.ofEpochMilli(millis) : null;
    }

    private static String props(Event e) {
        StringBuilder b = new StringBuilder("{");
        for (String n : e.getPropertyNames()) {
            b.append(n).append('=').append(TimelineStore.cut(String.valueOf(e.getProperty(n)), 200)).append(", ");
        }
        return b.append('}').toString();
    }
}
