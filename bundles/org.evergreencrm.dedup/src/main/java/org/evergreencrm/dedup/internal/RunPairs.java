package org.evergreencrm.dedup.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.evergreencrm.api.dedup.MatchResult;

/**
 * The scored pairs of the last finished batch search, in {@code dedup_run_pair}: written when a run ends, read back
 * after a restart, so the export and the evaluation do not depend on the node's memory. Explanations are not kept
 * (the review queue keeps those of the pairs worth reviewing).
 */
final class RunPairs {
    /** What a finished run leaves: its pairs, and the external ids of the records in them. */
    record Stored(List<MatchResult> pairs, Map<String, String> externalIds) {
    }

    private static final int BATCH = 1000;
    private final DataSource ds;

    RunPairs(DataSource ds) {
        this.ds = ds;
    }

    /** Replaces every stored pair by this run's, in one transaction. */
    void replace(long jobId, List<MatchResult> pairs, Map<String, String> externalIds) {
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM dedup_run_pair")) {
                    del.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO dedup_run_pair (job_id, left_id, right_id, probability, "
                        + "weight, left_external, right_external) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    int n = 0;
                    for (MatchResult m : pairs) {
                        ps.setLong(1, jobId);
                        ps.setLong(2, Long.parseLong(m.leftId()));
                        ps.setLong(3, Long.parseLong(m.rightId()));
                        ps.setDouble(4, m.probability());
                        ps.setDouble(5, m.weight());
                        ps.setString(6, externalIds.get(m.leftId()));
                        ps.setString(7, externalIds.get(m.rightId()));
                        ps.addBatch();
                        if (++n % BATCH == 0) {
                            ps.executeBatch();
                        }
                    }
                    ps.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the run's pairs: " + e.getMessage(), e);
        }
    }

    /** The pairs stored for this run, best first; empty when it stored none (or others replaced them). */
    Stored load(long jobId) {
        List<MatchResult> pairs = new ArrayList<>();
        Map<String, String> ext = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT left_id, right_id, probability, "
                + "weight, left_external, right_external FROM dedup_run_pair WHERE job_id = ? ORDER BY probability DESC, left_id, right_id")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String left = Long.toString(rs.getLong(1));
                    String right = Long.toString(rs.getLong(2));
                    pairs.add(new MatchResult(left, right, rs.getDouble(3), rs.getDouble(4), List.of()));
                    if (rs.getString(5) != null) {
                        ext.put(left, rs.getString(5));
                    }
                    if (rs.getString(6) != null) {
                        ext.put(right, rs.getString(6));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the run's pairs: " + e.getMessage(), e);
        }
        return new Stored(pairs, ext);
    }
}
