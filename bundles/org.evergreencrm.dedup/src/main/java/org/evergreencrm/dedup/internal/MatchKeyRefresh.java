package org.evergreencrm.dedup.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.evergreencrm.api.dedup.DedupJobs;
import org.evergreencrm.api.dedup.DuplicateDetector;
import org.evergreencrm.api.schedule.RecurringTask;
import org.evergreencrm.api.store.ContactRepository;
import org.evergreencrm.api.store.MatchCandidate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the match keys stored with every contact (what the online check looks candidates up by) to this version's
 * blocking keys ({@link BlockingKeys#VERSION}): contacts written before a change of keys would otherwise be found
 * only by the old ones. A recurring task on the platform scheduler (one node at a time) visits the live contacts in
 * id order, {@value #PAGE} per transaction, for a few seconds per run; its cursor is in {@code dedup_key_refresh},
 * so it goes on where it stopped after a restart or on another node. Contacts saved since the refresh began already
 * carry the new keys and are left alone.
 */
@Component(service = {RecurringTask.class, MatchKeyRefresh.class})
public final class MatchKeyRefresh implements RecurringTask {
    private static final Logger LOG = LoggerFactory.getLogger(MatchKeyRefresh.class);
    static final String NAME = "contact-keys";
    static final int PAGE = 1000;
    private static final Duration SLICE = Duration.ofSeconds(4);
    private final ContactRepository contacts;
    private final DuplicateDetector detector;
    private final DataSource ds;
    private final Clock clock;

    @Activate
    public MatchKeyRefresh(@Reference ContactRepository contacts, @Reference DuplicateDetector detector,
            @Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds,
            @Reference(target = "(evergreen.schema=org.evergreencrm.dedup)") org.evergreencrm.api.store.SchemaReady schema) {
        this(contacts, detector, ds, Clock.systemUTC());
    }

    MatchKeyRefresh(ContactRepository contacts, DuplicateDetector detector, DataSource ds, Clock clock) {
        this.contacts = contacts;
        this.detector = detector;
        this.ds = ds;
        this.clock = clock;
    }

    private record State(int version, long afterId, long seen, long rekeyed, Instant startedAt, Instant finishedAt) {
    }

    /** The detector's key version: the blocking keys' and which address normalizer made them. */
    private int version() {
        return detector instanceof DuplicateDetectorImpl d ? d.keyVersion() : BlockingKeys.VERSION * 100;
    }

    @Override
    public String name() {
        return "dedup-key-refresh";
    }

    @Override
    public Duration every() {
        return Duration.ofSeconds(10);
    }

    @Override
    public void run() throws SQLException {
        runFor(SLICE);
    }

    /** One slice of work: at most about {@code budget} long; returns the state after it. */
    DedupJobs.KeyRefresh runFor(Duration budget) throws SQLException {
        State s = load();
        Instant now = clock.instant();
        if (s == null || s.version() != version()) {
            s = new State(version(), 0, 0, 0, now, null);
            save(s, true);
        }
        Instant until = now.plus(budget);
        while (s.finishedAt() == null) {
            List<MatchCandidate> page = contacts.personsAfter(s.afterId(), PAGE);
            if (page.isEmpty()) {
                s = new State(s.version(), s.afterId(), s.seen(), s.rekeyed(), s.startedAt(), clock.instant());
                save(s, false);
                LOG.info("match keys of {} contacts visited, {} re-keyed to blocking keys version {}", s.seen(), s.rekeyed(), s.version());
                break;
            }
            Map<Long, Set<String>> keys = new LinkedHashMap<>();
            for (MatchCandidate c : page) {
                keys.put(c.id(), detector.matchKeys(c.person()));
            }
            int changed = contacts.replaceMatchKeys(keys, s.startedAt());
            s = new State(s.version(), page.get(page.size() - 1).id(), s.seen() + page.size(), s.rekeyed() + changed,
                    s.startedAt(), null);
            save(s, false);
            if (!clock.instant().isBefore(until)) {
                break;
            }
        }
        return view(s);
    }

    /** Where the refresh stands (as of the last slice). */
    DedupJobs.KeyRefresh status() {
        try {
            State s = load();
            if (s == null || s.version() != version()) {
                return new DedupJobs.KeyRefresh(version(), "PENDING", 0, 0, contacts.count(), null, null);
            }
            return view(s);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the key refresh state: " + e.getMessage(), e);
        }
    }

    private DedupJobs.KeyRefresh view(State s) {
        return new DedupJobs.KeyRefresh(s.version(), s.finishedAt() == null ? "RUNNING" : "DONE", s.seen(), s.rekeyed(),
                contacts.count(), s.startedAt(), s.finishedAt());
    }

    private State load() throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT key_version, after_id, seen, rekeyed, started_at, finished_at "
                        + "FROM dedup_key_refresh WHERE name = ?")) {
            ps.setString(1, NAME);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Timestamp finished = rs.getTimestamp(6);
                return new State(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getTimestamp(5).toInstant(),
                        finished == null ? null : finished.toInstant());
            }
        }
    }

    private void save(State s, boolean restart) throws SQLException {
        try (Connection c = ds.getConnection()) {
            if (restart) {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM dedup_key_refresh WHERE name = ?")) {
                    del.setString(1, NAME);
                    del.executeUpdate();
                }
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO dedup_key_refresh (name, key_version, after_id, seen, "
                        + "rekeyed, started_at, finished_at) VALUES (?,?,?,?,?,?,?)")) {
                    ins.setString(1, NAME);
                    ins.setInt(2, s.version());
                    ins.setLong(3, s.afterId());
                    ins.setLong(4, s.seen());
                    ins.setLong(5, s.rekeyed());
                    ins.setTimestamp(6, Timestamp.from(s.startedAt()));
                    ins.setTimestamp(7, null);
                    ins.executeUpdate();
                }
                return;
            }
            try (PreparedStatement up = c.prepareStatement("UPDATE dedup_key_refresh SET after_id = ?, seen = ?, rekeyed = ?, "
                    + "finished_at = ? WHERE name = ? AND key_version = ?")) {
                up.setLong(1, s.afterId());
                up.setLong(2, s.seen());
                up.setLong(3, s.rekeyed());
                up.setTimestamp(4, s.finishedAt() == null ? null : Timestamp.from(s.finishedAt()));
                up.setString(5, NAME);
                up.setInt(6, s.version());
                up.executeUpdate();
            }
        }
    }
}
