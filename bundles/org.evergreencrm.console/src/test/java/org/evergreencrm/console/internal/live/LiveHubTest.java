package org.evergreencrm.console.internal.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactKind;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.contact.ContactStatus;
import org.evergreencrm.api.dedup.Normalized;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The hub's promises: a tab gets only events about contacts its user may see (the contact service's owner rule),
 * notifications reach the users they name, a reconnecting tab gets exactly what it missed or a gap, and presence
 * names who has a contact open without ever letting a rep announce themselves on someone else's contact.
 */
class LiveHubTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    // team 7: maria (manager), rick and rita (reps); team 8: tom (rep); admin
    private static final User ADMIN = user(1, "admin", Role.ADMIN, null);
    private static final User MARIA = user(2, "maria", Role.MANAGER, 7L);
    private static final User RICK = user(3, "rick", Role.REP, 7L);
    private static final User RITA = user(4, "rita", Role.REP, 7L);
    private static final User TOM = user(5, "tom", Role.REP, 8L);
    private static final List<User> USERS = List.of(ADMIN, MARIA, RICK, RITA, TOM);
    // contact 10 is rick's, 11 rita's, 12 tom's
    private static final Map<Long, Long> OWNER = Map.of(10L, RICK.id(), 11L, RITA.id(), 12L, TOM.id());

    private LiveHub hub;
    private Tab admin;
    private Tab maria;
    private Tab rick;
    private Tab rita;
    private Tab tom;

    @BeforeEach
    void connect() {
        hub = new LiveHub(contacts(), users());
        admin = join("t-admin", ADMIN);
        maria = join("t-maria", MARIA);
        rick = join("t-rick", RICK);
        rita = join("t-rita", RITA);
        tom = join("t-tom", TOM);
    }

    @Test
    void everyTabIsGreetedWithTheEpochAndTheLastNumber() {
        JsonNode hello = rick.messages.get(0);
        assertEquals("hello", hello.get("type").asText());
        assertEquals(0, hello.get("seq").asLong());
        assertFalse(hello.get("epoch").asText().isBlank());
    }

    @Test
    void anEventReachesOnlyThoseWhoMaySeeItsContact() {
        hub.handleEvent(event("org/evergreencrm/queue/OUTCOME", Map.of("contact.id", 10L, "outcome", "NO_ANSWER")));
        assertEquals(1, rick.events().size());
        assertEquals(1, maria.events().size(), "rick's manager");
        assertEquals(1, admin.events().size());
        assertEquals(0, rita.events().size(), "another rep of the team");
        assertEquals(0, tom.events().size(), "another team");
        JsonNode e = rick.events().get(0);
        assertEquals("queue.OUTCOME", e.get("topic").asText());
        assertEquals("NO_ANSWER", e.get("data").get("outcome").asText());
        assertEquals("Cora Rick", e.get("data").get("contactName").asText());
    }

    @Test
    void aMergeIsSeenOnlyByThoseWhoMaySeeBothContacts() {
        hub.handleEvent(event("org/evergreencrm/merge/MERGED", Map.of("survivor.id", 10L, "loser.id", 11L, "merge.id", 3L)));
        assertEquals(0, rick.events().size(), "rita's contact is part of it");
        assertEquals(0, rita.events().size());
        assertEquals(1, maria.events().size());
        assertEquals(1, admin.events().size());
    }

    @Test
    void anEventAboutAVanishedContactGoesToAdminsOnly() {
        hub.handleEvent(event("org/evergreencrm/contact/DELETED", Map.of("contact.id", 99L)));
        assertEquals(1, admin.events().size());
        assertEquals(0, maria.events().size());
        assertEquals(0, rick.events().size());
    }

    @Test
    void aNewLeadNotifiesItsRepAndTheirManagerOnly() {
        hub.handleEvent(event("org/evergreencrm/lead/CREATED", Map.of("contact.id", 10L, "lead.id", 5L, "lead.source", "web-form",
                "assigned.to", RICK.id())));
        assertEquals("New lead from web-form assigned to you: Cora Rick", rick.events().get(0).get("notification").asText());
        assertEquals("New lead from web-form assigned to Rick Rep: Cora Rick", maria.events().get(0).get("notification").asText());
        assertFalse(admin.events().get(0).has("notification"), "admins see the event but are not notified");
        assertTrue(tom.events().isEmpty());
    }

    @Test
    void aCallbackComingDueTellsTheRepItIsReservedFor() {
        hub.handleEvent(event("org/evergreencrm/queue/CALLBACK_DUE", Map.of("contact.id", 10L, "user.id", RICK.id(), "until", 1L)));
        assertEquals("Callback due now: Cora Rick", rick.events().get(0).get("notification").asText());
        assertFalse(maria.events().get(0).has("notification"), "the manager sees the event, the rep gets the reminder");
        assertTrue(rita.events().isEmpty());
    }

    @Test
    void aMentionOfSomeoneWhoMayNotSeeTheContactTellsThemNothing() {
        hub.handleEvent(event("org/evergreencrm/timeline/MENTIONED", Map.of("contact.id", 10L, "username", "tom", "actor", "rick")));
        assertTrue(tom.events().isEmpty(), "tom may not see rick's contact, so not even its name");
        hub.handleEvent(event("org/evergreencrm/timeline/MENTIONED", Map.of("contact.id", 10L, "username", "maria", "actor", "rick")));
        assertEquals("rick mentioned you in a note on Cora Rick", maria.events().get(1).get("notification").asText());
        assertFalse(maria.events().get(0).has("notification"), "the mention of tom is not maria's");
        assertFalse(rick.events().get(1).has("notification"));
    }

    @Test
    void aReconnectingTabGetsWhatItMissedAndNothingItMayNotSee() {
        String epoch = rick.messages.get(0).get("epoch").asText();
        hub.handleEvent(event("org/evergreencrm/queue/OUTCOME", Map.of("contact.id", 10L)));
        long seen = rick.events().get(0).get("seq").asLong();
        hub.leave("t-rick");
        hub.handleEvent(event("org/evergreencrm/queue/OUTCOME", Map.of("contact.id", 10L, "outcome", "SALE")));
        hub.handleEvent(event("org/evergreencrm/queue/OUTCOME", Map.of("contact.id", 11L, "outcome", "SALE")));
        Tab back = join("t-rick-2", RICK);
        hub.resume("t-rick-2", epoch, seen);
        List<JsonNode> missed = back.events();
        assertEquals(1, missed.size(), "one of the two events is about rita's contact");
        assertEquals("SALE", missed.get(0).get("data").get("outcome").asText());
        JsonNode resumed = back.last();
        assertEquals("resumed", resumed.get("type").asText());
        assertEquals(3, resumed.get("seq").asLong());
    }

    @Test
    void aTabFromAnotherEpochOrTooFarBehindIsToldThereIsAGap() {
        hub.resume("t-rick", "an-epoch-of-a-restarted-node", 0);
        assertEquals("gap", rick.last().get("type").asText());
        for (int i = 0; i < LiveHub.KEPT + 5; i++) {
            hub.publish(new LiveEvent(0, "queue.OUTCOME", Set.of(), Set.of(), Map.of(), Map.of(), 0));
        }
        hub.resume("t-rick", rick.messages.get(0).get("epoch").asText(), 2);
        assertEquals("gap", rick.last().get("type").asText());
        assertEquals(LiveHub.KEPT + 5, rick.last().get("seq").asLong());
    }

    @Test
    void presenceNamesWhoHasTheContactOpen() {
        hub.view("t-maria", 10L);
        hub.view("t-rick", 10L);
        JsonNode p = maria.last();
        assertEquals("presence", p.get("type").asText());
        assertEquals(Set.of("maria", "rick"), usernames(p));
        hub.view("t-rick", null);
        assertEquals(Set.of("maria"), usernames(maria.last()));
        hub.view("t-maria", 11L);
        hub.leave("t-maria");
        assertEquals(4, hub.connected(), "four tabs left");
    }

    @Test
    void aRepCannotAnnouncePresenceOnAContactTheyMayNotSee() {
        hub.view("t-rita", 11L);
        int before = rita.messages.size();
        hub.view("t-tom", 11L);
        assertEquals(before, rita.messages.size(), "tom's view of rita's contact is ignored");
        assertTrue(tom.messages.stream().noneMatch(m -> m.path("type").asText().equals("presence")));
    }

    @Test
    void aSessionThatEndsClosesItsTabsAndOnlyThose() {
        Tab laptop = join("t-rick-laptop", RICK);
        hub.handleEvent(event("org/evergreencrm/console/SESSION_ENDED", Map.of("session", "session-of-t-rick")));
        assertEquals("the session ended: sign in again", rick.closed);
        assertEquals(null, laptop.closed, "his other session stays");
        assertEquals(null, rita.closed);
        hub.handleEvent(event("org/evergreencrm/queue/OUTCOME", Map.of("contact.id", 10L)));
        assertTrue(rick.events().isEmpty(), "a closed tab is sent nothing more");
        assertEquals(1, laptop.events().size());
        hub.handleEvent(event("org/evergreencrm/console/SESSION_ENDED", Map.of("user.id", RICK.id())));
        assertEquals("the session ended: sign in again", laptop.closed, "a changed user loses every tab");
        assertEquals(4, hub.connected());
    }

    @Test
    void aManagerSeesANewTeamMembersContactsWithoutReconnecting() {
        hub.handleEvent(event("org/evergreencrm/queue/OUTCOME", Map.of("contact.id", 12L)));
        assertTrue(maria.events().isEmpty(), "tom is in another team");
        MOVED_TO_TEAM_7.add(TOM.id());
        try {
            hub.handleEvent(event("org/evergreencrm/user/UPDATED", Map.of("user.id", TOM.id())));
            hub.handleEvent(event("org/evergreencrm/queue/OUTCOME", Map.of("contact.id", 12L)));
            assertEquals(1, maria.events().size(), "tom joined maria's team");
            assertTrue(rick.events().isEmpty(), "a rep still sees only their own");
        } finally {
            MOVED_TO_TEAM_7.clear();
        }
    }

    private Tab join(String id, User u) {
        Tab t = new Tab(id);
        hub.join(t, Actor.of(u), u.displayName(), "session-of-" + id);
        return t;
    }

    private static Set<String> usernames(JsonNode presence) {
        Set<String> out = new HashSet<>();
        presence.get("viewers").forEach(v -> out.add(v.get("username").asText()));
        return out;
    }

    private static Event event(String topic, Map<String, Object> props) {
        return new Event(topic, props);
    }

    private static User user(long id, String name, Role role, Long team) {
        String display = Character.toUpperCase(name.charAt(0)) + name.substring(1) + " " + (role == Role.REP ? "Rep" : role == Role.MANAGER ? "Manager" : "Admin");
        return new User(id, name, display, name + "@example.org", role, team, true, T, T);
    }

    private static ContactService contacts() {
        return (ContactService) Proxy.newProxyInstance(LiveHubTest.class.getClassLoader(), new Class<?>[] {ContactService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> {
                        long id = (Long) args[1];
                        Long owner = OWNER.get(id);
                        if (owner == null) {
                            throw new NotFoundException("contact", id);
                        }
                        String ownerName = USERS.stream().filter(u -> u.id() == owner).findFirst().orElseThrow().username();
                        yield new Contact(id, ContactKind.PERSON, "Cora", Character.toUpperCase(ownerName.charAt(0)) + ownerName.substring(1),
                                null, List.of(), List.of(), null, "test", owner, ContactStatus.NEW, Set.of(), Map.of(), T, T, 0, Normalized.NONE);
                    }
                    case "visibleOwners" -> visibleOwners((Actor) args[0]);
                    case "readable" -> {
                        Set<Long> owners = visibleOwners((Actor) args[0]);
                        Set<Long> out = new HashSet<>();
                        for (Object o : (Collection<?>) args[1]) {
                            Long id = (Long) o;
                            if (OWNER.containsKey(id) && (owners == null || owners.contains(OWNER.get(id)))) {
                                out.add(id);
                            }
                        }
                        yield out;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Users moved into team 7 during a test. */
    private static final Set<Long> MOVED_TO_TEAM_7 = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static Set<Long> visibleOwners(Actor a) {
        if (a.isAdmin()) {
            return null;
        }
        if (a.role() == Role.MANAGER) {
            Set<Long> team = new HashSet<>();
            USERS.stream().filter(u -> a.teamId().equals(u.teamId()) || a.teamId() == 7L && MOVED_TO_TEAM_7.contains(u.id()))
                    .forEach(u -> team.add(u.id()));
            return team;
        }
        return Set.of(a.userId());
    }

    private static UserService users() {
        return (UserService) Proxy.newProxyInstance(LiveHubTest.class.getClassLoader(), new Class<?>[] {UserService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "listUsers" -> USERS;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A console tab that records what it was sent. */
    private static final class Tab implements LiveChannel {
        private final String id;
        final List<JsonNode> messages = new ArrayList<>();
        String closed;

        Tab(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public void send(String json) {
            try {
                messages.add(JSON.readTree(json));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close(String reason) {
            closed = reason;
        }

        List<JsonNode> events() {
            return messages.stream().filter(m -> m.get("type").asText().equals("event")).toList();
        }

        JsonNode last() {
            return messages.get(messages.size() - 1);
        }
    }
}
