package org.evergreencrm.console.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserEvents;
import org.evergreencrm.api.security.WebSession;
import org.evergreencrm.store.internal.SchemaMigrator;
import org.evergreencrm.store.internal.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.service.event.Event;

/** Console sessions on H2 and (when configured) PostgreSQL: expiry, logout, tickets, and what the table holds. */
class JdbcWebSessionsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final User RICK = new User(3, "rick", "Rick Rep", "rick@example.org", Role.REP, 7L, true, T0, T0);
    private static final User RITA = new User(4, "rita", "Rita Rep", "rita@example.org", Role.REP, 7L, true, T0, T0);

    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.all();
    }

    /** A clock the test moves. */
    private static final class Moving extends Clock {
        Instant now = T0;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void pass(Duration d) {
            now = now.plus(d);
        }
    }

    private static DataSource migrated(TestDatabases.Db db) {
        DataSource ds = TestDatabases.migrated(db.dataSource());
        ClassLoader loader = JdbcWebSessionsTest.class.getClassLoader();
        new SchemaMigrator(ds, loader).migrate("db/console/changelog.xml", loader);
        return ds;
    }

    private static SessionConfig config(int idleMinutes, int absoluteHours) {
        return new SessionConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SessionConfig.class;
            }

            @Override
            public int idleMinutes() {
                return idleMinutes;
            }

            @Override
            public int absoluteHours() {
                return absoluteHours;
            }
        };
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSessionSlidesWhileUsedAndEndsWhenIdleOrTooOld(TestDatabases.Db db) {
        Moving clock = new Moving();
        JdbcWebSessions sessions = new JdbcWebSessions(migrated(db), config(30, 2), clock, null);
        WebSession s = sessions.open(RICK);
        assertEquals(T0.plus(Duration.ofMinutes(30)), s.expiresAt());
        assertEquals(RICK.id(), sessions.find(s.token()).orElseThrow().userId());
        for (int i = 0; i < 4; i++) { // 4 × 25 minutes of work: the idle timeout slides
            clock.pass(Duration.ofMinutes(25));
            assertTrue(sessions.find(s.token()).isPresent(), "still in use after " + (i + 1) * 25 + " minutes");
        }
        clock.pass(Duration.ofMinutes(25)); // 125 minutes after sign-in: past the absolute limit of 2 hours
        assertTrue(sessions.find(s.token()).isEmpty(), "however busy, it ends after absoluteHours");

        WebSession idle = sessions.open(RITA);
        clock.pass(Duration.ofMinutes(31));
        assertTrue(sessions.find(idle.token()).isEmpty(), "idle for longer than idleMinutes");
        assertTrue(sessions.find("no-such-token").isEmpty());
        assertTrue(sessions.find(null).isEmpty());
        assertTrue(sessions.find("x".repeat(5000)).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void logoutEndsOneSessionAndAChangedUserLosesAllOfTheirs(TestDatabases.Db db) {
        JdbcWebSessions sessions = new JdbcWebSessions(migrated(db), config(30, 12), new Moving(), null);
        WebSession laptop = sessions.open(RICK);
        WebSession tablet = sessions.open(RICK);
        WebSession ritas = sessions.open(RITA);
        assertNotEquals(laptop.token(), tablet.token());
        assertNotEquals(laptop.csrfToken(), tablet.csrfToken());
        sessions.close(laptop.token());
        assertTrue(sessions.find(laptop.token()).isEmpty(), "logged out");
        assertTrue(sessions.find(tablet.token()).isPresent(), "the other device stays signed in");
        sessions.handleEvent(new Event(UserEvents.TOPIC_PREFIX + "UPDATED", Map.of(UserEvents.USER_ID, RICK.id())));
        assertTrue(sessions.find(tablet.token()).isEmpty(), "a changed user signs in again");
        assertTrue(sessions.find(ritas.token()).isPresent(), "nobody else is signed out");
        sessions.close("unknown");
        sessions.close(null);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aTicketSignsInOnceWithinItsLife(TestDatabases.Db db) {
        Moving clock = new Moving();
        JdbcWebSessions sessions = new JdbcWebSessions(migrated(db), config(30, 12), clock, null);
        WebSession s = sessions.open(RICK);
        String ticket = sessions.ticket(s);
        Optional<WebSession> redeemed = sessions.redeem(ticket);
        assertEquals(RICK.id(), redeemed.orElseThrow().userId());
        assertNotEquals(s.token(), redeemed.get().token(), "the socket never learns the session token");
        assertTrue(sessions.redeem(ticket).isEmpty(), "used up");
        String late = sessions.ticket(s);
        clock.pass(Duration.ofSeconds(31));
        assertTrue(sessions.redeem(late).isEmpty(), "too late");
        sessions.close(s.token());
        assertThrows(IllegalStateException.class, () -> sessions.ticket(s), "no ticket for an ended session");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void endedSessionsAreAnnouncedSoTheirSocketsClose(TestDatabases.Db db) {
        Moving clock = new Moving();
        java.util.List<Event> posted = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.osgi.service.event.EventAdmin events = new org.osgi.service.event.EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                posted.add(event);
            }
        };
        JdbcWebSessions sessions = new JdbcWebSessions(migrated(db), config(30, 12), clock, events);
        WebSession out = sessions.open(RICK);
        sessions.close(out.token());
        assertEquals(JdbcWebSessions.hash(out.token()), posted.get(0).getProperty(SessionEvents.SESSION), "sign-out");
        sessions.closeAll(RITA.id());
        assertEquals(RITA.id(), posted.get(1).getProperty(SessionEvents.USER_ID), "a changed user");
        WebSession idle = sessions.open(RICK);
        WebSession busy = sessions.open(RITA);
        clock.pass(Duration.ofMinutes(20));
        sessions.find(busy.token());
        clock.pass(Duration.ofMinutes(15));
        assertEquals(1, sessions.sweep(), "only the idle one expired");
        assertEquals(JdbcWebSessions.hash(idle.token()), posted.get(2).getProperty(SessionEvents.SESSION));
        assertEquals(SessionEvents.ENDED, posted.get(2).getTopic());
        assertTrue(sessions.find(busy.token()).isPresent());
        assertEquals(0, sessions.sweep());
        assertEquals(3, posted.size());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theTableHoldsNoSecretThatSignsAnyoneIn(TestDatabases.Db db) throws Exception {
        DataSource ds = migrated(db);
        JdbcWebSessions sessions = new JdbcWebSessions(ds, config(30, 12), new Moving(), null);
        WebSession s = sessions.open(RICK);
        String ticket = sessions.ticket(s);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT token_hash, ticket_hash FROM console_session")) {
            assertTrue(rs.next());
            String tokenHash = rs.getString(1);
            assertFalse(tokenHash.contains(s.token()));
            assertEquals(JdbcWebSessions.hash(s.token()), tokenHash);
            assertEquals(JdbcWebSessions.hash(ticket), rs.getString(2));
            assertTrue(sessions.find(tokenHash).isEmpty(), "the stored hash is not a token");
        }
    }
}
