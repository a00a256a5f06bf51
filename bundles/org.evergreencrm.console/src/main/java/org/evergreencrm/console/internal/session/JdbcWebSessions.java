package org.evergreencrm.console.internal.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserEvents;
import org.evergreencrm.api.security.WebSession;
import org.evergreencrm.api.security.WebSessions;
import org.evergreencrm.api.store.SchemaReady;
import org.evergreencrm.store.jdbc.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Console sessions in the {@code console_session} table, so every node knows them and a restart keeps people signed
 * in. Only SHA-256 hashes of the session token and of the WebSocket ticket are stored. The idle timeout slides, but the
 * row is rewritten at most once a minute per session; a user change (deactivation, password, role) ends that user's
 * sessions at once.
 */
@Component(service = {WebSessions.class, EventHandler.class, JdbcWebSessions.class}, configurationPid = "org.evergreencrm.console.session",
        property = "event.topics=" + UserEvents.TOPIC_PREFIX + "*")
@Designate(ocd = SessionConfig.class)
public final class JdbcWebSessions implements WebSessions, EventHandler {
    private static final Duration TOUCH_EVERY = Duration.ofSeconds(60);
    private static final Duration TICKET_LIFE = Duration.ofSeconds(30);
    private static final Duration CACHE_FOR = Duration.ofSeconds(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Row(String csrf, long userId, Instant createdAt, Instant lastSeen, Instant expiresAt) {
    }

    private record Cached(WebSession session, Instant until) {
    }

    private final DataSource ds;
    private final Clock clock;
    private final EventAdmin events;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile SessionConfig config;

    @Activate
    public JdbcWebSessions(@Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds,
            @Reference(target = "(evergreen.schema=org.evergreencrm.console)") SchemaReady schema, @Reference EventAdmin events,
            SessionConfig config) {
        this(ds, config, Clock.systemUTC(), events);
    }

    /** @param events where ended sessions are announced (the live hub closes their sockets); {@code null} in tests */
    JdbcWebSessions(DataSource ds, SessionConfig config, Clock clock, EventAdmin events) {
        this.ds = ds;
        this.config = config;
        this.clock = clock;
        this.events = events;
    }

    @Modified
    void modified(SessionConfig updated) {
        this.config = updated;
        cache.clear();
    }

    @Override
    public WebSession open(User user) {
        String token = secret();
        String csrf = secret();
        Instant now = clock.instant();
        Instant expires = min(now.plus(idle()), now.plus(absolute()));
        Jdbc.inTransaction(ds, c -> { // expired rows are left to sweep(), which tells the live hub
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO console_session (token_hash, csrf_token, user_id, "
                    + "created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, hash(token));
                ps.setString(2, csrf);
                ps.setLong(3, user.id());
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setTimestamp(6, Timestamp.from(expires));
                ps.executeUpdate();
            }
            return null;
        });
        return new WebSession(token, csrf, user.id(), now, expires);
    }

    @Override
    public Optional<WebSession> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String key = hash(token);
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && cached.until().isAfter(now) && cached.session().expiresAt().isAfter(now)) {
            return Optional.of(cached.session());
        }
        Optional<Row> row = load(key);
        if (row.isEmpty() || !row.get().expiresAt().isAfter(now)) {
            cache.remove(key);
            return Optional.empty();
        }
        Row r = row.get();
        Instant expires = r.expiresAt();
        if (Duration.between(r.lastSeen(), now).compareTo(TOUCH_EVERY) >= 0) {
            expires = min(now.plus(idle()), r.createdAt().plus(absolute()));
            touch(key, now, expires);
        }
        WebSession session = new WebSession(token, r.csrf(), r.userId(), r.createdAt(), expires);
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(key, new Cached(session, now.plus(CACHE_FOR)));
        return Optional.of(session);
    }

    @Override
    public void close(String token) {
        if (token == null || token.isBlank()) {
            return;
        }
        String key = hash(token);
        cache.remove(key);
        update("DELETE FROM console_session WHERE token_hash = ?", key);
        post(Map.of(SessionEvents.SESSION, key));
    }

    @Override
    public void closeAll(long userId) {
        cache.values().removeIf(c -> c.session().userId() == userId);
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM console_session WHERE user_id = ?")) {
                ps.setLong(1, userId);
                return ps.executeUpdate();
            }
        });
        post(Map.of(SessionEvents.USER_ID, userId));
    }

    /**
     * Deletes the sessions that have expired and announces each, so their live sockets close too; the number deleted.
     * Run by {@link SessionSweeper} on the platform scheduler.
     */
    int sweep() {
        Instant now = clock.instant();
        java.util.List<String> ended = Jdbc.inTransaction(ds, c -> {
            java.util.List<String> hashes = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT token_hash FROM console_session WHERE expires_at <= ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hashes.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM console_session WHERE token_hash = ?")) {
                for (String h : hashes) {
                    ps.setString(1, h);
                    ps.addBatch();
                }
                if (!hashes.isEmpty()) {
                    ps.executeBatch();
                }
            }
            return hashes;
        });
        cache.values().removeIf(c -> !c.session().expiresAt().isAfter(now));
        ended.forEach(h -> post(Map.of(SessionEvents.SESSION, h)));
        return ended.size();
    }

    private void post(Map<String, Object> properties) {
        if (events != null) {
            events.postEvent(new Event(SessionEvents.ENDED, properties));
        }
    }

    @Override
    public String ticket(WebSession session) {
        String ticket = secret();
        Instant until = clock.instant().plus(TICKET_LIFE);
        int n = Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE console_session SET ticket_hash = ?, ticket_expires_at = ? WHERE token_hash = ?")) {
                ps.setString(1, hash(ticket));
                ps.setTimestamp(2, Timestamp.from(until));
                ps.setString(3, hash(session.token()));
                return ps.executeUpdate();
            }
        });
        if (n == 0) {
            throw new IllegalStateException("the session has ended");
        }
        return ticket;
    }

    @Override
    public Optional<WebSession> redeem(String ticket) {
        if (ticket == null || ticket.isBlank() || ticket.length() > 100) {
            return Optional.empty();
        }
        String key = hash(ticket);
        Instant now = clock.instant();
        return Jdbc.inTransaction(ds, c -> {
            Optional<WebSession> found = Optional.empty();
            try (PreparedStatement ps = c.prepareStatement("SELECT token_hash, csrf_token, user_id, created_at, expires_at, "
                    + "ticket_expires_at FROM console_session WHERE ticket_hash = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getTimestamp(6).toInstant().isAfter(now) && rs.getTimestamp(5).toInstant().isAfter(now)) {
                        // the WebSocket never sees the session token itself: it gets the hash as the session's name
                        found = Optional.of(new WebSession(rs.getString(1), rs.getString(2), rs.getLong(3),
                                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE console_session SET ticket_hash = NULL, ticket_expires_at = NULL WHERE ticket_hash = ?")) {
                ps.setString(1, key);
                ps.executeUpdate();
            }
            return found;
        });
    }

    @Override
    public void handleEvent(Event event) {
        Object id = event.getProperty(UserEvents.USER_ID);
        if (id instanceof Long userId && !event.getTopic().endsWith("CREATED")) {
            // a changed user signs in again with what they are now (a new role, another team, a new password)
            closeAll(userId);
        }
    }

    private Optional<Row> load(String key) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT csrf_token, user_id, created_at, last_seen_at, expires_at "
                    + "FROM console_session WHERE token_hash = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Row(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                            rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()));
                }
            }
        });
    }

    private void touch(String key, Instant now, Instant expires) {
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE console_session SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setTimestamp(2, Timestamp.from(expires));
                ps.setString(3, key);
                return ps.executeUpdate();
            }
        });
    }

    private void update(String sql, String key) {
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, key);
                return ps.executeUpdate();
            }
        });
    }

    private Duration idle() {
        return Duration.ofMinutes(Math.max(1, config.idleMinutes()));
    }

    private Duration absolute() {
        return Duration.ofHours(Math.max(1, config.absoluteHours()));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
