package org.evergreencrm.queue.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.evergreencrm.api.queue.CallAttempt;
import org.evergreencrm.api.queue.CallOutcome;
import org.evergreencrm.api.queue.HistoryEvent;
import org.evergreencrm.api.queue.QueueEntry;
import org.evergreencrm.store.jdbc.DecisionLog;
import org.evergreencrm.store.jdbc.Jdbc;

/**
 * SQL for queue entries, attempts and history. Every method works on the caller's connection, inside the caller's
 * transaction; rows the claim path reads are locked with {@code FOR UPDATE SKIP LOCKED}, so concurrent claimers
 * (threads or Karaf nodes on one database) pass over each other's rows instead of waiting or double-claiming.
 */
final class QueueStore {
    static final String ROW_COLUMNS = "contact_id, bucket_id, status, phone, state_code, postal_code, priority, "
            + "entered_at, last_attempt_at, callback_at, attempts_total, attempts_in_bucket, claim_attempt, blocked_code";
    private QueueStore() {
    }

    static Optional<QueueRow> lock(Connection c, long contactId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ROW_COLUMNS + " FROM queue_entry WHERE contact_id = ? FOR UPDATE")) {
            ps.setLong(1, contactId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    static QueueRow row(ResultSet rs) throws SQLException {
        return new QueueRow(rs.getLong("contact_id"), Jdbc.longOrNull(rs, "bucket_id"), rs.getString("status"),
                rs.getString("phone"), rs.getString("state_code"), rs.getString("postal_code"), rs.getDouble("priority"),
                Jdbc.instant(rs, "entered_at"), Jdbc.instant(rs, "last_attempt_at"), Jdbc.instant(rs, "callback_at"),
                rs.getInt("attempts_total"), rs.getInt("attempts_in_bucket"), Jdbc.longOrNull(rs, "claim_attempt"),
                rs.getString("blocked_code"));
    }

    static void insert(Connection c, long contactId, long bucketId, String phone, String state, String zip,
            double priority, double sortKey, Instant now, int attemptsTotal) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO queue_entry (contact_id, bucket_id, status, phone, "
                + "state_code, postal_code, priority, sort_key, due_at, entered_at, bucket_entered_at, attempts_total, "
                + "attempts_in_bucket, version) VALUES (?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)")) {
            ps.setLong(1, contactId);
            ps.setLong(2, bucketId);
            ps.setString(3, phone);
            ps.setString(4, state);
            ps.setString(5, zip);
            ps.setDouble(6, priority);
            ps.setDouble(7, sortKey);
            Jdbc.set(ps, 8, now);
            Jdbc.set(ps, 9, now);
            Jdbc.set(ps, 10, now);
            ps.setInt(11, attemptsTotal);
            ps.executeUpdate();
        }
    }

    /** Puts an existing entry (finished, or queued elsewhere) into a bucket, due now; keeps its overall attempt count. */
    static void requeue(Connection c, long contactId, long bucketId, String phone, String state, String zip,
            double priority, double sortKey, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE queue_entry SET bucket_id = ?, status = 'QUEUED', phone = ?, "
                + "state_code = ?, postal_code = ?, priority = ?, sort_key = ?, due_at = ?, bucket_entered_at = ?, "
                + "attempts_in_bucket = 0, final_state = NULL, blocked_code = NULL, blocked_reason = NULL, callback_at = NULL, "
                + "reserved_for = NULL, version = version + 1 WHERE contact_id = ?")) {
            ps.setLong(1, bucketId);
            ps.setString(2, phone);
            ps.setString(3, state);
            ps.setString(4, zip);
            ps.setDouble(5, priority);
            ps.setDouble(6, sortKey);
            Jdbc.set(ps, 7, now);
            Jdbc.set(ps, 8, now);
            ps.setLong(9, contactId);
            ps.executeUpdate();
        }
    }

    /**
     * Marks a locked entry claimed, records the attempt and the compliance decision that allowed it; returns the
     * attempt id. On PostgreSQL one statement does all three (a data-modifying CTE: one round trip per claim).
     */
    static long claim(Connection c, QueueRow row, long bucketId, Long userId, String username, Instant now,
            Instant leaseUntil, String decision) throws SQLException {
        String reasons = decision.length() > 2000 ? decision.substring(0, 1997) + "..." : decision;
        if (Jdbc.isPostgres(c)) {
            try (PreparedStatement ps = c.prepareStatement("WITH a AS (INSERT INTO call_attempt (contact_id, bucket_id, user_id, "
                    + "username, phone, claimed_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id), "
                    + "u AS (UPDATE queue_entry SET status = 'CLAIMED', claimed_by = ?, claim_attempt = (SELECT id FROM a), "
                    + "lease_until = ?, attempts_total = attempts_total + 1, attempts_in_bucket = attempts_in_bucket + 1, "
                    + "blocked_code = NULL, blocked_reason = NULL, version = version + 1 WHERE contact_id = ?), "
                    + "d AS (INSERT INTO compliance_decision (contact_id, phone, decided_at, purpose, allowed, reasons, actor) "
                    + "VALUES (?, ?, ?, 'QUEUE_CLAIM', TRUE, ?, ?)) SELECT id FROM a")) {
                ps.setLong(1, row.contactId());
                ps.setLong(2, bucketId);
                ps.setObject(3, userId);
                ps.setString(4, username);
                ps.setString(5, row.phone());
                Jdbc.set(ps, 6, now);
                ps.setObject(7, userId);
                Jdbc.set(ps, 8, leaseUntil);
                ps.setLong(9, row.contactId());
                ps.setLong(10, row.contactId());
                ps.setObject(11, DecisionLog.national(row.phone()));
                Jdbc.set(ps, 12, now);
                ps.setString(13, reasons);
                ps.setString(14, username);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
        long attemptId;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO call_attempt (contact_id, bucket_id, user_id, username, "
                + "phone, claimed_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            ps.setLong(1, row.contactId());
            ps.setLong(2, bucketId);
            ps.setObject(3, userId);
            ps.setString(4, username);
            ps.setString(5, row.phone());
            Jdbc.set(ps, 6, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                attemptId = keys.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE queue_entry SET status = 'CLAIMED', claimed_by = ?, "
                + "claim_attempt = ?, lease_until = ?, attempts_total = attempts_total + 1, "
                + "attempts_in_bucket = attempts_in_bucket + 1, blocked_code = NULL, blocked_reason = NULL, "
                + "version = version + 1 WHERE contact_id = ?")) {
            ps.setObject(1, userId);
            ps.setLong(2, attemptId);
            Jdbc.set(ps, 3, leaseUntil);
            ps.setLong(4, row.contactId());
            ps.executeUpdate();
        }
        DecisionLog.insert(c, row.contactId(), row.phone(), now, "QUEUE_CLAIM", true, reasons, username);
        return attemptId;
    }

    /** Compliance (or the bucket's hours) refused the contact: not due again before {@code dueAt}, with the reason. */
    static void block(Connection c, long contactId, Instant dueAt, String code, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE queue_entry SET due_at = ?, blocked_code = ?, "
                + "blocked_reason = ?, version = version + 1 WHERE contact_id = ?")) {
            Jdbc.set(ps, 1, dueAt);
            ps.setString(2, code);
            ps.setString(3, reason.length() > 1000 ? reason.substring(0, 997) + "..." : reason);
            ps.setLong(4, contactId);
            ps.executeUpdate();
        }
    }

    /** Where the entry goes after an outcome: back to QUEUED (maybe another bucket) or FINISHED. */
    static void settle(Connection c, long contactId, Long bucketId, Instant bucketEnteredAt, String status, Instant dueAt,
            double sortKey, Instant lastAttemptAt, Instant callbackAt, Long reservedFor, String finalState,
            int attemptsTotal, int attemptsInBucket) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE queue_entry SET bucket_id = ?, status = ?, due_at = ?, "
                + "sort_key = ?, last_attempt_at = ?, callback_at = ?, callback_reminded_at = NULL, reserved_for = ?, final_state = ?, "
                + "attempts_total = ?, attempts_in_bucket = ?, claimed_by = NULL, claim_attempt = NULL, lease_until = NULL, "
                + "bucket_entered_at = COALESCE(?, bucket_entered_at), version = version + 1 WHERE contact_id = ?")) {
            ps.setObject(1, bucketId);
            ps.setString(2, status);
            Jdbc.set(ps, 3, dueAt);
            ps.setDouble(4, sortKey);
            Jdbc.set(ps, 5, lastAttemptAt);
            Jdbc.set(ps, 6, callbackAt);
            ps.setObject(7, reservedFor);
            ps.setString(8, finalState);
            ps.setInt(9, attemptsTotal);
            ps.setInt(10, attemptsInBucket);
            Jdbc.set(ps, 11, bucketEnteredAt);
            ps.setLong(12, contactId);
            ps.executeUpdate();
        }
    }

    static void history(Connection c, long contactId, Instant at, String event, Long bucketId, String actor,
            String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO queue_history (contact_id, at, event, bucket_id, actor, "
                + "detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, contactId);
            Jdbc.set(ps, 2, at);
            ps.setString(3, event);
            ps.setObject(4, bucketId);
            ps.setString(5, actor);
            ps.setString(6, detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...");
            ps.executeUpdate();
        }
    }

    static Optional<CallAttempt> lockAttempt(Connection c, long attemptId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, contact_id, bucket_id, user_id, username, phone, "
                + "claimed_at, outcome, outcome_at, note FROM call_attempt WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, attemptId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(attempt(rs)) : Optional.empty();
            }
        }
    }

    static void finishAttempt(Connection c, long attemptId, CallOutcome outcome, Instant at, String note) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE call_attempt SET outcome = ?, outcome_at = ?, note = ? WHERE id = ?")) {
            ps.setString(1, outcome.name());
            Jdbc.set(ps, 2, at);
            ps.setString(3, note);
            ps.setLong(4, attemptId);
            ps.executeUpdate();
        }
    }

    /** Entries whose lease ran out, locked (skipping ones another node is handling). */
    static List<long[]> expiredLeases(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT contact_id, bucket_id FROM queue_entry WHERE status = 'CLAIMED' "
                + "AND lease_until < ? ORDER BY lease_until FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
            Jdbc.set(ps, 1, now);
            List<long[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
            return out;
        }
    }

    static void release(Connection c, long contactId, Instant dueAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE queue_entry SET status = 'QUEUED', claimed_by = NULL, "
                + "claim_attempt = NULL, lease_until = NULL, due_at = ?, version = version + 1 WHERE contact_id = ?")) {
            Jdbc.set(ps, 1, dueAt);
            ps.setLong(2, contactId);
            ps.executeUpdate();
        }
    }

    static Optional<QueueEntry> entry(Connection c, long contactId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT e.*, b.name AS bucket_name FROM queue_entry e LEFT JOIN "
                + "queue_bucket b ON b.id = e.bucket_id WHERE e.contact_id = ?")) {
            ps.setLong(1, contactId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new QueueEntry(rs.getLong("contact_id"), Jdbc.longOrNull(rs, "bucket_id"),
                        rs.getString("bucket_name"), rs.getString("status"), rs.getString("phone"), rs.getDouble("priority"),
                        Jdbc.instant(rs, "due_at"), Jdbc.instant(rs, "entered_at"), Jdbc.instant(rs, "last_attempt_at"),
                        Jdbc.instant(rs, "callback_at"), Jdbc.longOrNull(rs, "reserved_for"), rs.getInt("attempts_total"),
                        rs.getInt("attempts_in_bucket"), Jdbc.longOrNull(rs, "claimed_by"),
                        Jdbc.longOrNull(rs, "claim_attempt"), Jdbc.instant(rs, "lease_until"), rs.getString("final_state"),
                        rs.getString("blocked_code"), rs.getString("blocked_reason")));
            }
        }
    }

    static List<HistoryEvent> history(Connection c, long contactId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, at, event, bucket_id, actor, detail FROM queue_history "
                + "WHERE contact_id = ? ORDER BY id")) {
            ps.setLong(1, contactId);
            List<HistoryEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryEvent(rs.getLong("id"), Jdbc.instant(rs, "at"), rs.getString("event"),
                            Jdbc.longOrNull(rs, "bucket_id"), rs.getString("actor"), rs.getString("detail")));
                }
            }
            return out;
        }
    }

    static List<CallAttempt> attempts(Connection c, long contactId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, contact_id, bucket_id, user_id, username, phone, "
                + "claimed_at, outcome, outcome_at, note FROM call_attempt WHERE contact_id = ? ORDER BY id")) {
            ps.setLong(1, contactId);
            List<CallAttempt> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(attempt(rs));
                }
            }
            return out;
        }
    }

    private static CallAttempt attempt(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return new CallAttempt(rs.getLong("id"), rs.getLong("contact_id"), Jdbc.longOrNull(rs, "bucket_id"),
                Jdbc.longOrNull(rs, "user_id"), rs.getString("username"), rs.getString("phone"),
                Jdbc.instant(rs, "claimed_at"), outcome == null ? null : CallOutcome.valueOf(outcome),
                Jdbc.instant(rs, "outcome_at"), rs.getString("note"));
    }
}
