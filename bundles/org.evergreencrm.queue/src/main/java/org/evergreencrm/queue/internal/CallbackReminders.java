package org.evergreencrm.queue.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.evergreencrm.api.queue.QueueEvents;
import org.evergreencrm.api.schedule.RecurringTask;
import org.evergreencrm.api.store.SchemaReady;
import org.evergreencrm.store.jdbc.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Every 15 seconds on the platform scheduler: callbacks whose time has come are announced once each
 * ({@link QueueEvents#CALLBACK_DUE}, to the rep the callback is reserved for; the console turns it into a
 * notification). Each is marked in the same transaction that finds it, so two nodes never announce it twice; a new
 * callback on the same entry clears the mark.
 */
@Component(service = RecurringTask.class)
public final class CallbackReminders implements RecurringTask {
    static final int BATCH = 500;
    private final DataSource ds;
    private final Consumer<Map<String, Object>> announce;
    private final Clock clock;

    @Activate
    public CallbackReminders(@Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds,
            @Reference(target = "(evergreen.schema=org.evergreencrm.queue)") SchemaReady schema, @Reference EventAdmin events) {
        this(ds, props -> events.postEvent(new Event(QueueEvents.CALLBACK_DUE, props)), Clock.systemUTC());
    }

    CallbackReminders(DataSource ds, Consumer<Map<String, Object>> announce, Clock clock) {
        this.ds = ds;
        this.announce = announce;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "queue-callback-reminders";
    }

    @Override
    public Duration every() {
        return Duration.ofSeconds(15);
    }

    @Override
    public void run() {
        remind();
    }

    /** Announces the callbacks that came due and were not announced yet; how many. */
    int remind() {
        Instant now = clock.instant();
        List<Map<String, Object>> due = Jdbc.inTransaction(ds, c -> markDue(c, now));
        due.forEach(announce);
        return due.size();
    }

    private static List<Map<String, Object>> markDue(Connection c, Instant now) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement find = c.prepareStatement("SELECT contact_id, reserved_for, callback_at FROM queue_entry "
                + "WHERE status = 'QUEUED' AND callback_at IS NOT NULL AND callback_at <= ? AND callback_reminded_at IS NULL "
                + "ORDER BY callback_at FETCH FIRST " + BATCH + " ROWS ONLY");
                PreparedStatement mark = c.prepareStatement("UPDATE queue_entry SET callback_reminded_at = ? "
                        + "WHERE contact_id = ? AND callback_at = ? AND callback_reminded_at IS NULL")) {
            Jdbc.set(find, 1, now);
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    long contactId = rs.getLong("contact_id");
                    Long rep = Jdbc.longOrNull(rs, "reserved_for");
                    Instant at = Jdbc.instant(rs, "callback_at");
                    Jdbc.set(mark, 1, now);
                    mark.setLong(2, contactId);
                    Jdbc.set(mark, 3, at);
                    if (mark.executeUpdate() == 1) { // another node may have taken it meanwhile
                        Map<String, Object> props = new LinkedHashMap<>();
                        props.put(QueueEvents.CONTACT_ID, contactId);
                        if (rep != null) {
                            props.put(QueueEvents.USER_ID, rep);
                        }
                        props.put(QueueEvents.UNTIL, at.toEpochMilli());
                        out.add(props);
                    }
                }
            }
        }
        return out;
    }
}
