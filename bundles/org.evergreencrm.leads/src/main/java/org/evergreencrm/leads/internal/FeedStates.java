package org.evergreencrm.leads.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.evergreencrm.api.lead.FeedState;
import org.evergreencrm.store.jdbc.Jdbc;

/**
 * {@code lead_feed_state}: where each polled source is (the cursor to ask from next), when it was last polled and
 * with what result. In the database, so a restart continues where it stopped and nodes share it.
 */
final class FeedStates {
    private final DataSource ds;

    FeedStates(DataSource ds) {
        this.ds = ds;
    }

    Optional<FeedState> get(String name) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM lead_feed_state WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(state(rs)) : Optional.<FeedState>empty();
                }
            }
        });
    }

    List<FeedState> all() {
        return Jdbc.read(ds, c -> {
            List<FeedState> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM lead_feed_state ORDER BY name"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(state(rs));
                }
            }
            return out;
        });
    }

    /** A poll that worked: the cursor moves on (when the source gave one). */
    void succeeded(String name, String nextCursor, Instant at) {
        upsert(name, at, true, nextCursor, null);
    }

    /** A poll that failed: the cursor stays, so the next poll asks again for the same leads. */
    void failed(String name, String error, Instant at) {
        upsert(name, at, false, null, LeadStore.cut(error, 2000));
    }

    private void upsert(String name, Instant at, boolean ok, String cursor, String error) {
        Jdbc.inTransaction(ds, c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("UPDATE lead_feed_state SET last_poll_at = ?, polls = polls + 1, "
                    + (ok ? "last_success_at = ?, last_error = NULL, cursor_value = COALESCE(?, cursor_value)"
                            : "failures = failures + 1, last_error = ?") + " WHERE name = ?")) {
                Jdbc.set(ps, 1, at);
                if (ok) {
                    Jdbc.set(ps, 2, at);
                    ps.setString(3, cursor);
                    ps.setString(4, name);
                } else {
                    ps.setString(2, error);
                    ps.setString(3, name);
                }
                n = ps.executeUpdate();
            }
            if (n == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO lead_feed_state (name, cursor_value, last_poll_at, "
                        + "last_success_at, last_error, polls, failures) VALUES (?, ?, ?, ?, ?, 1, ?)")) {
                    ps.setString(1, name);
                    ps.setString(2, cursor);
                    Jdbc.set(ps, 3, at);
                    Jdbc.set(ps, 4, ok ? at : null);
                    ps.setString(5, error);
                    ps.setLong(6, ok ? 0 : 1);
                    ps.executeUpdate();
                }
            }
            return n;
        });
    }

    private static FeedState state(ResultSet rs) throws java.sql.SQLException {
        return new FeedState(rs.getString("name"), rs.getString("cursor_value"), Jdbc.instant(rs, "last_poll_at"),
                Jdbc.instant(rs, "last_success_at"), rs.getString("last_error"), rs.getLong("polls"), rs.getLong("failures"));
    }
}
