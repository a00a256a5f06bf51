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

    @Test
    void repeatedFailuresLockTheUserEvenForTheRightPassword() {
        service.createUser(Actor.system(), draft("rick", Role.REP, null, "rick-password"));
        Authenticator auth = service.authenticator();
        for (int i = 0; i < 5; i++) {
            assertFalse(auth.authenticate("rick", "guess".toCharArray()).isPresent());
        }
        assertTrue(auth.lockedUntil("rick").isEmpty(), "five failures are free");
        assertFalse(auth.authenticate("rick", "guess".toCharArray()).isPresent());
        assertTrue(auth.lockedUntil("RICK").isPresent(), "locked after the sixth, whatever the case of the name");
        assertFalse(auth.authenticate("rick", "rick-password".toCharArray()).isPresent(), "not even the right password");
        assertTrue(auth.lockedUntil("admin").isEmpty(), "other users are not affected");
        assertTrue(auth.authenticate("admin", "first-admin-pw".toCharArray()).isPresent());
    }

    @Test
    void usersChangeTheirOwnPasswordWithTheCurrentOne() {
        User rita = service.createUser(Actor.system(), draft("rita", Role.REP, null, "rita-password"));
        Actor me = Actor.of(rita);
        ValidationException wrong = assertThrows(ValidationException.class,
                () -> service.changeOwnPassword(me, "not-it".toCharArray(), "rita-new-password".toCharArray()));
        assertEquals("currentPassword", wrong.errors().get(0).field());
        ValidationException shortOne = assertThrows(ValidationException.class,
                () -> service.changeOwnPassword(me, "rita-password".toCharArray(), "short".toCharArray()));
        assertEquals("newPassword", shortOne.errors().get(0).field());
        assertTrue(service.authenticator().authenticate("rita", "rita-password".toCharArray()).isPresent(), "nothing changed");
        service.changeOwnPassword(me, "rita-password".toCharArray(), "rita-new-password".toCharArray());
        assertFalse(service.authenticator().authenticate("rita", "rita-password".toCharArray()).isPresent());
        assertTrue(service.authenticator().authenticate("rita", "rita-new-password".toCharArray()).isPresent());
        assertEquals(Role.REP, service.getUser(Actor.system(), rita.id()).role(), "only the password changed");
    }

    @Test
    void theThrottleBacksOffAndForgetsOnSuccess() {
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(
                Instant.parse("2026-03-01T09:00:00Z"));
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return now.get(); }
        };
        org.evergreencrm.api.security.LoginThrottle t = new org.evergreencrm.api.security.LoginThrottle(2,
                java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(15), clock);
        t.failed("k");
        t.failed("k");
        assertTrue(t.lockedUntil("k").isEmpty());
        t.failed("k");
        assertEquals(now.get().plusSeconds(30), t.lockedUntil("k").orElseThrow());
        t.failed("k");
        assertEquals(now.get().plusSeconds(60), t.lockedUntil("k").orElseThrow(), "doubles");
        for (int i = 0; i < 30; i++) {
            t.failed("k");
        }
        assertEquals(now.get().plusSeconds(900), t.lockedUntil("k").orElseThrow(), "never longer than the maximum");
        now.set(now.get().plusSeconds(901));
        assertTrue(t.lockedUntil("k").isEmpty(), "the lock runs out");
        t.succeeded("k");
        t.failed("k");
        assertTrue(t.lockedUntil("k").isEmpty(), "a success starts the count again");
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
