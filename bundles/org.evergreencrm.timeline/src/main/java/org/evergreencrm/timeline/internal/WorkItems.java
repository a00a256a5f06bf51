package org.evergreencrm.timeline.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.evergreencrm.api.timeline.Note;
import org.evergreencrm.api.timeline.Task;
import org.evergreencrm.store.jdbc.Jdbc;

/** Notes and tasks, the timeline's own records (each also has an activity row, written in the same transaction). */
final class WorkItems {
    private static final String TASK_COLUMNS = "id, contact_id, title, due_at, assignee, created_by, created_at, done_at, done_by";
    private final DataSource ds;

    WorkItems(DataSource ds) {
        this.ds = ds;
    }

    static Note insertNote(Connection c, long contactId, String author, String text, List<String> mentions, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO timeline_note (contact_id, author, body, mentions, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, contactId);
            ps.setString(2, author);
            ps.setString(3, text);
            ps.setString(4, String.join(",", mentions));
            Jdbc.set(ps, 5, at);
            ps.executeUpdate();
            return new Note(generatedId(ps), contactId, author, text, mentions, at);
        }
    }

    static Task insertTask(Connection c, long contactId, String title, Instant due, String assignee, String by, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO timeline_task (contact_id, title, due_at, assignee, created_by, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, contactId);
            ps.setString(2, title);
            Jdbc.set(ps, 3, due.truncatedTo(ChronoUnit.MICROS));
            ps.setString(4, assignee);
            ps.setString(5, by);
            Jdbc.set(ps, 6, at);
            ps.executeUpdate();
            return new Task(generatedId(ps), contactId, title, due.truncatedTo(ChronoUnit.MICROS), assignee, by, at, null, null);
        }
    }

    Optional<Task> task(long id) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TASK_COLUMNS + " FROM timeline_task WHERE id = ?")) {
                ps.setLong(1, id);
                List<Task> found = tasks(ps);
                return found.isEmpty() ? Optional.<Task>empty() : Optional.of(found.get(0));
            }
        });
    }

    /** Marks it done unless it is; {@code true} when this call did it. */
    static boolean complete(Connection c, long id, String by, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE timeline_task SET done_at = ?, done_by = ? WHERE id = ? AND done_at IS NULL")) {
            Jdbc.set(ps, 1, at);
            ps.setString(2, by);
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** Open tasks of one assignee, soonest due first, optionally only those due before {@code dueBefore}. */
    List<Task> open(String assignee, Instant dueBefore, int limit) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TASK_COLUMNS + " FROM timeline_task WHERE assignee = ? "
                    + "AND done_at IS NULL" + (dueBefore == null ? "" : " AND due_at < ?") + " ORDER BY due_at, id LIMIT " + limit)) {
                ps.setString(1, assignee);
                if (dueBefore != null) {
                    Jdbc.set(ps, 2, dueBefore);
                }
                return tasks(ps);
            }
        });
    }

    /** Open tasks that fell due and were not reminded yet; marks them reminded in the same transaction. */
    List<Task> takeDue(Instant now, int limit) {
        return Jdbc.inTransaction(ds, c -> {
            List<Task> due;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TASK_COLUMNS + " FROM timeline_task WHERE done_at IS NULL "
                    + "AND reminded_at IS NULL AND due_at <= ? ORDER BY due_at, id LIMIT " + limit)) {
                Jdbc.set(ps, 1, now);
                due = tasks(ps);
            }
            List<Task> taken = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE timeline_task SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL")) {
                for (Task t : due) {
                    Jdbc.set(ps, 1, now);
                    ps.setLong(2, t.id());
                    if (ps.executeUpdate() == 1) {
                        taken.add(t);
                    }
                }
            }
            return taken;
        });
    }

    List<Note> notes(long contactId) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, contact_id, author, body, mentions, created_at FROM timeline_note "
                    + "WHERE contact_id = ? ORDER BY created_at DESC, id DESC")) {
                ps.setLong(1, contactId);
                List<Note> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String m = rs.getString("mentions");
                        out.add(new Note(rs.getLong("id"), rs.getLong("contact_id"), rs.getString("author"), rs.getString("body"),
                                m.isEmpty() ? List.of() : Arrays.asList(m.split(",")), Jdbc.instant(rs, "created_at")));
                    }
                }
                return out;
            }
        });
    }

    private static List<Task> tasks(PreparedStatement ps) throws SQLException {
        List<Task> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Task(rs.getLong("id"), rs.getLong("contact_id"), rs.getString("title"), Jdbc.instant(rs, "due_at"),
                        rs.getString("assignee"), rs.getString("created_by"), Jdbc.instant(rs, "created_at"),
                        Jdbc.instant(rs, "done_at"), rs.getString("done_by")));
            }
        }
        return out;
    }

    private static long generatedId(Statement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
