package org.evergreencrm.console.internal.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserService;
import org.osgi.service.event.Event;

/**
 * Turns a domain event into what the console shows: the contacts it concerns and their owners (who may see it), the
 * users it notifies and with what words (new leads, SLA misses, mentions, tasks and callbacks coming due). The words name a contact only to people who may see that contact.
 */
final class EventTranslator {
    private static final String PREFIX = "org/evergreencrm/";
    private static final Duration USERS_FOR = Duration.ofSeconds(30);
    private final ContactService contacts;
    private final UserService users;
    private volatile List<User> cachedUsers = List.of();
    private volatile Instant usersUntil = Instant.EPOCH;

    EventTranslator(ContactService contacts, UserService users) {
        this.contacts = contacts;
        this.users = users;
    }

    /** The event for the console, unnumbered; {@code null} for events the console does not show. */
    LiveEvent translate(Event event) {
        String topic = event.getTopic();
        if (!topic.startsWith(PREFIX)) {
            return null;
        }
        String shortTopic = topic.substring(PREFIX.length()).replace('/', '.');
        Set<Long> ids = new LinkedHashSet<>();
        addId(ids, event.getProperty("contact.id"));
        addId(ids, event.getProperty("survivor.id"));
        addId(ids, event.getProperty("loser.id"));
        Set<Long> owners = new LinkedHashSet<>();
        String name = null;
        for (Long id : ids) {
            Contact c = contactOrNull(id);
            owners.add(c == null ? null : c.ownerId());
            if (name == null && c != null) {
                name = c.displayName();
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (String key : List.of("lead.id", "lead.source", "outcome", "code", "reason", "username", "actor", "item.id",
                "kind", "summary", "merge.id", "attempt.id")) {
            Object v = event.getProperty(key);
            if (v != null) {
                data.put(key, v instanceof Number || v instanceof Boolean ? v : String.valueOf(v));
            }
        }
        if (name != null) {
            data.put("contactName", name);
        }
        Map<String, String> notify = notifications(shortTopic, event, name == null ? "a contact" : name);
        Object ts = event.getProperty("timestamp");
        long at = ts instanceof Number n ? n.longValue() : System.currentTimeMillis();
        return new LiveEvent(0, shortTopic, ids, owners, notify, data, at);
    }

    private Map<String, String> notifications(String topic, Event e, String contactName) {
        Map<String, String> out = new HashMap<>();
        switch (topic) {
            case "lead.CREATED" -> {
                User rep = userById(e.getProperty("assigned.to"));
                String source = String.valueOf(e.getProperty("lead.source"));
                if (rep != null) {
                    out.put(rep.username(), "New lead from " + source + " assigned to you: " + contactName);
                    for (User m : managersOf(rep)) {
                        out.putIfAbsent(m.username(), "New lead from " + source + " assigned to " + rep.displayName() + ": " + contactName);
                    }
                }
            }
            case "lead.SLA_BREACHED" -> {
                User rep = userById(e.getProperty("assigned.to"));
                String text = "Speed-to-lead missed for " + contactName + ": " + e.getProperty("reason");
                if (rep != null) {
                    out.put(rep.username(), text);
                }
                List<User> managers = rep == null ? allManagers() : managersOf(rep);
                for (User m : managers) {
                    out.putIfAbsent(m.username(), text);
                }
            }
            case "timeline.MENTIONED" -> {
                Object by = e.getProperty("actor");
                out.put(String.valueOf(e.getProperty("username")),
                        (by == null ? "Someone" : by) + " mentioned you in a note on " + contactName);
            }
            case "timeline.TASK_DUE" -> out.put(String.valueOf(e.getProperty("username")), "A task on " + contactName + " is due now");
            case "queue.CALLBACK_DUE" -> {
                User rep = userById(e.getProperty("user.id"));
                if (rep != null) {
                    out.put(rep.username(), "Callback due now: " + contactName);
                }
            }
            default -> {
            }
        }
        return out;
    }

    private List<User> managersOf(User rep) {
        List<User> out = new ArrayList<>();
        for (User u : users()) {
            if (u.active() && u.role() == Role.MANAGER && rep.teamId() != null && rep.teamId().equals(u.teamId()) && u.id() != rep.id()) {
                out.add(u);
            }
        }
        return out;
    }

    private List<User> allManagers() {
        return users().stream().filter(u -> u.active() && u.role() == Role.MANAGER).toList();
    }

    private User userById(Object id) {
        if (!(id instanceof Number n)) {
            return null;
        }
        return users().stream().filter(u -> u.id() == n.longValue()).findFirst().orElse(null);
    }

    private List<User> users() {
        Instant now = Instant.now();
        if (now.isAfter(usersUntil)) {
            cachedUsers = users.listUsers(Actor.system());
            usersUntil = now.plus(USERS_FOR);
        }
        return cachedUsers;
    }

    private Contact contactOrNull(long id) {
        try {
            return contacts.get(Actor.system(), id);
        } catch (RuntimeException e) {
            return null; // deleted or merged away: only admins see the event
        }
    }

    private static void addId(Set<Long> ids, Object v) {
        if (v instanceof Number n) {
            ids.add(n.longValue());
        }
    }
}
