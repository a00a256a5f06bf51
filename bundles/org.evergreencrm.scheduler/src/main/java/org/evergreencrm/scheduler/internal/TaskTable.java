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
                    out.add(new ScheduledTaskStatus(name, rs.getString("task_instance"), Jdbc.instant(rs, "execution_time"),
                            Jdbc.instant(rs, "last_success"), Jdbc.instant(rs, "last_failure"), rs.getInt("consecutive_failures"),
                            rs.getBoolean("picked") ? rs.getString("picked_by") : null, registered.contains(name)));
                }
            }
            return out;
        });
    }
}
