package org.evergreencrm.scheduler.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.evergreencrm.api.schedule.ScheduledTaskStatus;
import org.evergreencrm.store.jdbc.Jdbc;

/** Reads db-scheduler's table: every task instance, as every node sees it (the table is shared). */
final class TaskTable {
    static final String NAME = "scheduled_tasks";
    /** Where a one-time task that used all its attempts is parked, so it stays visible instead of being deleted. */
    static final java.time.Instant GAVE_UP = java.time.Instant.parse("9999-01-01T00:00:00Z");

    private TaskTable() {
    }

    static List<ScheduledTaskStatus> all(DataSource ds, Set<String> registered) {
        return Jdbc.read(ds, c -> {
            List<ScheduledTaskStatus> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT task_name, task_instance, execution_time, picked, picked_by, "
                    + "last_success, last_failure, consecutive_failures FROM " + NAME + " ORDER BY task_name, task_instance");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString("task_name");
                    java.time.Instant next = Jdbc.instant(rs, "execution_time");
                    boolean picked = rs.getBoolean("picked");
                    int failures = rs.getInt("consecutive_failures");
                    boolean gaveUp = next != null && !next.isBefore(GAVE_UP);
                    String state = picked ? "RUNNING" : gaveUp ? "FAILED" : failures > 0 ? "RETRYING" : "SCHEDULED";
                    out.add(new ScheduledTaskStatus(name, rs.getString("task_instance"), gaveUp ? null : next,
                            Jdbc.instant(rs, "last_success"), Jdbc.instant(rs, "last_failure"), failures,
                            picked ? rs.getString("picked_by") : null, registered.contains(name), state));
                }
            }
            return out;
        });
    }
}
