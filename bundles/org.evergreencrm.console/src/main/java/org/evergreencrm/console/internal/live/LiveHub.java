package org.evergreencrm.console.internal.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.console.internal.session.SessionEvents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The console's real-time fan-out. Every domain event (leads, queue, timeline, merges, contacts) is numbered, kept in
 * a ring of the last {@value #KEPT} and sent to each connected tab whose user may see the contacts it concerns (the
 * contact service's owner rule, taken once per connection); notifications go to the users they name. A tab that
 * reconnects sends the last number it saw and gets what it missed, or {@code gap} when that is no longer kept (it
 * reloads: never a silent gap). Presence: which users have a contact open.
 *
 * <p>One node's events only: with several nodes on one PostgreSQL, each node's hub would also publish its events with
 * {@code NOTIFY evergreen_live} and feed what it hears from the others through {@link #publish} (docs/console.md).
 */
@Component(service = {LiveHub.class, EventHandler.class}, property = {
    "event.topics=org/evergreencrm/lead/*", "event.topics=org/evergreencrm/queue/*",
    "event.topics=org/evergreencrm/timeline/*", "event.topics=org/evergreencrm/merge/*",
    "event.topics=org/evergreencrm/contact/*", "event.topics=" + SessionEvents.ENDED,
    "event.topics=" + org.evergreencrm.api.security.UserEvents.TOPIC_PREFIX + "*"})
public final class LiveHub implements EventHandler {
    static final int KEPT = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String epoch = UUID.randomUUID().toString();
    private final LiveRing ring = new LiveRing(KEPT);
    private final EventTranslator translator;
    private final ContactService contacts;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    /** @param session the hash of the session token it signed in with ({@code null}: none known) */
    private record Connection(LiveChannel channel, Viewer viewer, String session, Long viewing) {
        Connection viewing(Long contactId) {
            return new Connection(channel, viewer, session, contactId);
        }
    }

    @Activate
    public LiveHub(@Reference ContactService contacts, @Reference UserService users) {
        this.contacts = contacts;
        this.translator = new EventTranslator(contacts, users);
    }

    @Override
    public void handleEvent(Event event) {
        if (SessionEvents.ENDED.equals(event.getTopic())) {
            sessionEnded(event.getProperty(SessionEvents.SESSION), event.getProperty(SessionEvents.USER_ID));
            return;
        }
        if (event.getTopic().startsWith(org.evergreencrm.api.security.UserEvents.TOPIC_PREFIX)) {
            rescope(); // someone joined, left or changed a team: whose contacts each open tab may see is taken again
            return;
        }
        LiveEvent e = translator.translate(event);
        if (e != null) {
            publish(e);
        }
    }

    /** Numbers, keeps and sends one event. */
    void publish(LiveEvent unnumbered) {
        LiveEvent e = ring.append(unnumbered);
        for (Connection c : connections.values()) {
            if (c.viewer().maySee(e)) {
                c.channel().send(message(e, c.viewer()));
            }
        }
    }

    /** A signed-in tab connected (with the session whose token hashes to {@code session}): it learns the epoch and the last number. */
    void join(LiveChannel channel, Actor actor, String displayName, String session) {
        Set<Long> owners = actor.isAdmin() ? null : contacts.visibleOwners(actor);
        connections.put(channel.id(), new Connection(channel, new Viewer(channel.id(), actor, displayName, owners), session, null));
        channel.send(json(Map.of("type", "hello", "epoch", epoch, "seq", ring.last(), "user", actor.username())));
    }

    /** Takes every non-admin tab's owner scope again from the contact service's rule (teams change while tabs stay open). */
    private void rescope() {
        for (Connection c : connections.values()) {
            Actor actor = c.viewer().actor();
            if (!actor.isAdmin()) {
                Viewer v = c.viewer();
                connections.computeIfPresent(c.channel().id(), (id, now) -> new Connection(now.channel(),
                        new Viewer(v.id(), actor, v.displayName(), contacts.visibleOwners(actor)), now.session(), now.viewing()));
            }
        }
    }

    /** A session ended (sign-out, expiry) or every session of a user (a changed or deactivated user): their tabs are closed. */
    private void sessionEnded(Object session, Object userId) {
        for (Connection c : connections.values()) {
            boolean ended = session != null && session.equals(c.session())
                    || userId instanceof Long id && id.equals(c.viewer().actor().userId());
            if (ended) {
                leave(c.channel().id());
                c.channel().close("the session ended: sign in again");
            }
        }
    }

    void leave(String channelId) {
        Connection gone = connections.remove(channelId);
        if (gone != null && gone.viewing() != null) {
            presence(gone.viewing());
        }
    }

    /** The tab saw everything up to {@code since} in {@code epoch}; sends what came after, or a gap. */
    void resume(String channelId, String clientEpoch, long since) {
        Connection c = connections.get(channelId);
        if (c == null) {
            return;
        }
        Optional<List<LiveEvent>> missed = epoch.equals(clientEpoch) ? ring.after(since) : Optional.empty();
        if (missed.isEmpty()) {
            c.channel().send(json(Map.of("type", "gap", "epoch", epoch, "seq", ring.last())));
            return;
        }
        for (LiveEvent e : missed.get()) {
            if (c.viewer().maySee(e)) {
                c.channel().send(message(e, c.viewer()));
            }
        }
        c.channel().send(json(Map.of("type", "resumed", "seq", ring.last(), "missed", missed.get().size())));
    }

    /** The tab now shows this contact ({@code null}: none). Ignored for a contact its user may not see. */
    void view(String channelId, Long contactId) {
        Connection c = connections.get(channelId);
        if (c == null) {
            return;
        }
        Long target = contactId;
        if (target != null && !contacts.readable(c.viewer().actor(), Set.of(target)).contains(target)) {
            target = null;
        }
        Long before = c.viewing();
        connections.put(channelId, c.viewing(target));
        if (before != null && !before.equals(target)) {
            presence(before);
        }
        if (target != null) {
            presence(target);
        }
    }

    /** Number of connected tabs. */
    int connected() {
        return connections.size();
    }

    private void presence(long contactId) {
        List<Connection> here = connections.values().stream().filter(c -> Long.valueOf(contactId).equals(c.viewing())).toList();
        List<Map<String, Object>> viewers = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Connection c : here) {
            if (seen.add(c.viewer().actor().username())) {
                viewers.add(Map.of("username", c.viewer().actor().username(), "displayName", c.viewer().displayName()));
            }
        }
        String msg = json(Map.of("type", "presence", "contactId", contactId, "viewers", viewers));
        for (Connection c : here) {
            c.channel().send(msg);
        }
    }

    private static String message(LiveEvent e, Viewer v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "event");
        m.put("seq", e.seq());
        m.put("topic", e.topic());
        m.put("contactIds", e.contactIds());
        m.put("at", e.at());
        m.put("data", e.data());
        String note = e.notices().get(v.actor().username());
        if (note != null) {
            m.put("notification", note);
        }
        return json(m);
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
