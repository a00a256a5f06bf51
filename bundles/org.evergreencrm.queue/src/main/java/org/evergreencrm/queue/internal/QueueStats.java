package org.evergreencrm.queue.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.evergreencrm.api.queue.Bucket;
import org.evergreencrm.api.queue.BucketStats;
import org.evergreencrm.store.jdbc.Jdbc;

/** Bucket numbers in three grouped queries (counts by status, blocks by reason, attempts distribution). */
final class QueueStats {
    private QueueStats() {
    }

    static List<BucketStats> of(DataSource ds, List<Bucket> buckets, Instant now) {
        return Jdbc.read(ds, c -> {
            Map<Long, long[]> counts = new HashMap<>(); // queued, due, claimed, blocked
            try (PreparedStatement ps = c.prepareStatement("SELECT bucket_id, status, "
                    + "SUM(CASE WHEN status = 'QUEUED' AND due_at <= ? THEN 1 ELSE 0 END) AS due, "
                    + "SUM(CASE WHEN status = 'QUEUED' AND blocked_code IS NOT NULL AND due_at > ? THEN 1 ELSE 0 END) AS blocked, "
                    + "COUNT(*) AS n FROM queue_entry WHERE status <> 'FINISHED' GROUP BY bucket_id, status")) {
                Jdbc.set(ps, 1, now);
                Jdbc.set(ps, 2, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long[] a = counts.computeIfAbsent(rs.getLong("bucket_id"), k -> new long[4]);
                        if ("QUEUED".equals(rs.getString("status"))) {
                            a[0] += rs.getLong("n");
                            a[1] += rs.getLong("due");
                            a[3] += rs.getLong("blocked");
                        } else {
                            a[2] += rs.getLong("n");
                        }
                    }
                }
            }
            Map<Long, Map<String, Long>> blockedBy = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT bucket_id, blocked_code, COUNT(*) FROM queue_entry "
                    + "WHERE status = 'QUEUED' AND blocked_code IS NOT NULL AND due_at > ? GROUP BY bucket_id, blocked_code")) {
                Jdbc.set(ps, 1, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        blockedBy.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
                    }
                }
            }
            Map<Long, Map<Integer, Long>> attempts = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT bucket_id, attempts_total, COUNT(*) FROM queue_entry "
                    + "WHERE status <> 'FINISHED' GROUP BY bucket_id, attempts_total")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        attempts.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getInt(2), rs.getLong(3));
                    }
                }
            }
            List<BucketStats> out = new ArrayList<>();
            for (Bucket b : buckets) {
                long[] a = counts.getOrDefault(b.id(), new long[4]);
                out.add(new BucketStats(b.id(), b.name(), b.weight(), a[0], a[1], a[2], a[3],
                        blockedBy.getOrDefault(b.id(), Map.of()), attempts.getOrDefault(b.id(), Map.of())));
            }
            return out;
        });
    }

    /** @param users only calls by these users; {@code null}: everyone's */
    static List<org.evergreencrm.api.queue.OutcomeCount> outcomes(DataSource ds, Instant since, java.util.Set<Long> users) {
        StringBuilder sql = new StringBuilder("SELECT b.name, a.username, a.outcome, COUNT(*) FROM call_attempt a "
                + "LEFT JOIN queue_bucket b ON b.id = a.bucket_id WHERE a.claimed_at >= ?");
        if (users != null) {
            sql.append(" AND a.user_id IN (-1");
            users.stream().filter(java.util.Objects::nonNull).forEach(u -> sql.append(", ").append(u.longValue()));
            sql.append(')');
        }
        sql.append(" GROUP BY b.name, a.username, a.outcome ORDER BY b.name, a.username, a.outcome");
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                Jdbc.set(ps, 1, since);
                List<org.evergreencrm.api.queue.OutcomeCount> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String outcome = rs.getString(3);
                        out.add(new org.evergreencrm.api.queue.OutcomeCount(rs.getString(1), rs.getString(2),
                                outcome == null ? "OPEN" : outcome, rs.getLong(4)));
                    }
                }
                return out;
            }
        });
    }
}
