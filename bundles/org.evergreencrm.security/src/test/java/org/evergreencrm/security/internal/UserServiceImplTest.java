package org.evergreencrm.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.ConflictException;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.security.Team;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserDraft;
import org.evergreencrm.api.security.UserEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

class UserServiceImplTest {
    private final InMemoryUserRepository repo = new InMemoryUserRepository();
    private final List<Event> events = new ArrayList<>();
    private UserServiceImpl service;

    static SecurityConfig config(String adminPassword, int cacheSeconds) {
        return new SecurityConfig() {
            public Class<? extends Annotation> annotationType() { return SecurityConfig.class; }
            public String bootstrapAdminUsername() { return "admin"; }
            public String bootstrapAdminPassword() { return adminPassword; }
            public int pbkdf2Iterations() { return 2_000; }
            public int authCacheSeconds() { return cacheSeconds; }
        };
    }

    @BeforeEach
    void setUp() {
        EventAdmin admin = new EventAdmin() {
            public void postEvent(Event event) { events.add(event); }
            public void sendEvent(Event event) { events.add(event); }
        };
        service = new UserServiceImpl(repo, admin, config("first-admin-pw", 300),
                Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void createsTheFirstAdminOnAnEmptyTableOnly() {
        User admin = service.findByUsername("admin").orElseThrow();
        assertEquals(Role.ADMIN, admin.role());
        assertTrue(service.authenticator().authenticate("admin", "first-admin-pw".toCharArray()).isPresent());
        new UserServiceImpl(repo, new NoEvents(), config("another-pw-123", 300));
        assertEquals(1, repo.count());
    }

    @Test
    void aBadBootstrapPasswordDoesNotStopTheService() {
        InMemoryUserRepository empty = new InMemoryUserRepository();
        UserServiceImpl s = new UserServiceImpl(empty, new NoEvents(), config("short", 300));
        assertEquals(0, empty.count());
        assertTrue(s.listTeams(Actor.system()).isEmpty());
    }

    @Test
    void onlyAdminsManageUsersAndTeams() {
        Team team = service.createTeam(Actor.system(), "North");
        User rep = service.createUser(Actor.system(), draft("rick", Role.REP, team.id(), "rick-password"));
        Actor asRep = Actor.of(rep);
        assertThrows(AccessDeniedException.class, () -> service.createUser(asRep, draft("eve", Role.ADMIN, null, "evil-password")));
        assertThrows(AccessDeniedException.class, () -> service.createTeam(asRep, "Mine"));
        assertThrows(AccessDeniedException.class, () -> service.updateUser(asRep, rep.id(), draft("rick", Role.ADMIN, null, null)));
        assertEquals(UserEvents.CREATED, events.get(events.size() - 1).getTopic());
    }

    @Test
    void managersSeeTheirTeamAndRepsThemselves() {
        Team north = service.createTeam(Actor.system(), "North");
        User maria = service.createUser(Actor.system(), draft("maria", Role.MANAGER, north.id(), "maria-password"));
        User rick = service.createUser(Actor.system(), draft("rick", Role.REP, north.id(), "rick-password"));
        User sam = service.createUser(Actor.system(), draft("sam", Role.REP, null, "sam-password"));
        assertEquals(List.of("maria", "rick"), service.listUsers(Actor.of(maria)).stream().map(User::username).toList());
        assertEquals(List.of("sam"), service.listUsers(Actor.of(sam)).stream().map(User::username).toList());
        assertEquals(rick, service.getUser(Actor.of(maria), rick.id()));
        assertThrows(AccessDeniedException.class, () -> service.getUser(Actor.of(maria), sam.id()));
        assertThrows(AccessDeniedException.class, () -> service.getUser(Actor.of(sam), rick.id()));
    }

    @Test
    void validatesAndKeepsUsernamesUnique() {
        ValidationException invalid = assertThrows(ValidationException.class,
                () -> service.createUser(Actor.system(), new UserDraft("X", "", "no-at", null, null, true, "short")));
        assertEquals(List.of("username", "displayName", "email", "role", "password"),
                invalid.errors().stream().map(e -> e.field()).toList());
        assertThrows(ValidationException.class, () -> service.createUser(Actor.system(), draft("tom", Role.REP, 999L, "tom-password")));
        service.createUser(Actor.system(), draft("tom", Role.REP, null, "tom-password"));
        ConflictException taken = assertThrows(ConflictException.class,
                () -> service.createUser(Actor.system(), draft("tom", Role.REP, null, "tom-password")));
        assertEquals("username", taken.field());
    }

    @Test
    void deactivationAndPasswordChangesTakeEffectAtOnceDespiteTheCache() {
        User rick = service.createUser(Actor.system(), draft("rick", Role.REP, null, "rick-password"));
        Authenticator auth = service.authenticator();
        assertTrue(auth.authenticate("rick", "rick-password".toCharArray()).isPresent());
        int lookups = repo.hashLookups;
        assertTrue(auth.authenticate("rick", "rick-password".toCharArray()).isPresent());
        assertEquals(lookups, repo.hashLookups, "the second check is answered from the cache");

        service.updateUser(Actor.system(), rick.id(), draft("rick", Role.REP, null, "new-rick-password"));
        assertFalse(auth.authenticate("rick", "rick-password".toCharArray()).isPresent());
        assertTrue(auth.authenticate("rick", "new-rick-password".toCharArray()).isPresent());

        service.updateUser(Actor.system(), rick.id(), new UserDraft("rick", "rick", null, Role.REP, null, false, null));
        assertFalse(auth.authenticate("rick", "new-rick-password".toCharArray()).isPresent());
    }

    @Test
    void wrongPasswordsAndUnknownUsersFail() {
        assertFalse(service.authenticator().authenticate("admin", "nope".toCharArray()).isPresent());
        assertFalse(service.authenticator().authenticate("ghost", "first-admin-pw".toCharArray()).isPresent());
        assertFalse(service.authenticator().authenticate("", "x".toCharArray()).isPresent());
    }

    private static UserDraft draft(String username, Role role, Long team, String password) {
        return new UserDraft(username, username, username + "@example.com", role, team, true, password);
    }

    private static final class NoEvents implements EventAdmin {
        public void postEvent(Event event) {
        }

        public void sendEvent(Event event) {
        }
    }
}
