package org.evergreencrm.queue.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.evergreencrm.store.jdbc.Jdbc;

/**
 * The claim path's reads: which due entries a claimer may take (the claim rule: own and unowned contacts, a
 * manager's team's; admins any), locked with {@code SKIP LOCKED}, and whether a user holds a claim now (the
 * claimant's read right). Works on the caller's connection, inside the caller's transaction.
 */
final class ClaimCandidates {
    /** The row and the contact's display name ({@code NULL} when the contact was deleted), for the claim path. */
    private static final String CANDIDATE_COLUMNS = QueueStore.ROW_COLUMNS + ", (SELECT CASE WHEN k.deleted_at IS NOT NULL THEN NULL "
            + "WHEN COALESCE(k.first_name, k.last_name) IS NULL THEN COALESCE(k.household_name, '') "
            + "ELSE TRIM(COALESCE(k.first_name, '') || ' ' || COALESCE(k.last_name, '')) END FROM contact k "
            + "WHERE k.id = queue_entry.contact_id) AS contact_name";

    private ClaimCandidates() {
    }

    /** Whether {@code userId} holds an unexpired claim on the contact (the claimant's read right). */
    static boolean holdsClaim(Connection c, long contactId, long userId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM queue_entry WHERE contact_id = ? AND status = 'CLAIMED' "
                + "AND claimed_by = ? AND lease_until > ?")) {
            ps.setLong(1, contactId);
            ps.setLong(2, userId);
            Jdbc.set(ps, 3, now);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * The claim rule's SQL: with {@code owners == null} (admins) any contact; otherwise contacts owned by one of
     * {@code owners} (the rep; a manager's team) or by nobody.
     */
    static String ownerFilter(java.util.Set<Long> owners) {
        if (owners == null) {
            return "";
        }
        StringBuilder in = new StringBuilder("-1");
        for (Long o : owners) {
            if (o != null) {
                in.append(", ").append(o.longValue());
            }
        }
        return "AND COALESCE((SELECT k.owner_id FROM contact k WHERE k.id = queue_entry.contact_id), -1) IN (" + in + ") ";
    }

    /**
     * Up to {@code limit} due entries of a bucket in its order, locked for this transaction, skipping locked ones;
     * with the contact's display name ({@code null} when the contact was deleted).
     *
     * @param owners whose contacts the claimer may take ({@code null}: anyone's), see {@link #ownerFilter}
     */
    static List<Candidate> candidates(Connection c, long bucketId, Instant now, Long userId, java.util.Set<Long> owners,
            int limit) throws SQLException {
        if (!Jdbc.isPostgres(c)) {
            return candidatesOneByOne(c, bucketId, now, userId, owners, limit);
        }
        String sql = "SELECT " + CANDIDATE_COLUMNS + " FROM queue_entry WHERE bucket_id = ? AND status = 'QUEUED' AND due_at <= ? "
                + "AND (reserved_for IS NULL OR reserved_for = ?) " + ownerFilter(owners) + "ORDER BY sort_key, due_at, contact_id "
                + "FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, bucketId);
            Jdbc.set(ps, 2, now);
            ps.setLong(3, userId == null ? -1 : userId);
            List<Candidate> out = new ArrayList<>(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Candidate(QueueStore.row(rs), rs.getString("contact_name")));
                }
            }
            return out;
        }
    }

    /**
     * H2 applies {@code FETCH FIRST} before it skips locked rows, so under contention the one-statement form can
     * answer "nothing" while due rows remain. There: read the best due ids without locks, then lock them one by one
     * with SKIP LOCKED (re-checking they are still due and queued).
     */
    private static List<Candidate> candidatesOneByOne(Connection c, long bucketId, Instant now, Long userId,
            java.util.Set<Long> owners, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT contact_id FROM queue_entry WHERE bucket_id = ? AND status = 'QUEUED' "
                + "AND due_at <= ? AND (reserved_for IS NULL OR reserved_for = ?) " + ownerFilter(owners)
                + "ORDER BY sort_key, due_at, contact_id "
                + "FETCH FIRST " + (limit * 50) + " ROWS ONLY")) {
            ps.setLong(1, bucketId);
            Jdbc.set(ps, 2, now);
            ps.setLong(3, userId == null ? -1 : userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        List<Candidate> out = new ArrayList<>(limit);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CANDIDATE_COLUMNS + " FROM queue_entry WHERE contact_id = ? AND bucket_id = ? "
                + "AND status = 'QUEUED' AND due_at <= ? FOR UPDATE SKIP LOCKED")) {
            for (Long id : ids) {
                ps.setLong(1, id);
                ps.setLong(2, bucketId);
                Jdbc.set(ps, 3, now);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.add(new Candidate(QueueStore.row(rs), rs.getString("contact_name")));
                        if (out.size() == limit) {
                            return out;
                        }
                    }
                }
            }
        }
        return out;
    }

    /** A locked due entry and its contact's display name ({@code null}: the contact was deleted). */
    record Candidate(QueueRow row, String contactName) {
    }
}
