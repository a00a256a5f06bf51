package org.evergreencrm.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** Small JDBC helpers for bundles that use plain JDBC on the Evergreen database (compliance, call queue): timestamps as UTC {@code OffsetDateTime}, one-shot work. */
public final class Jdbc {
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Jdbc() {
    }

    /** The transaction this thread has open, if any (see {@link #inTransaction}). */
    private static final ThreadLocal<Open> CURRENT = new ThreadLocal<>();

    private record Open(DataSource ds, Connection connection, List<Runnable> afterCommit) {
    }

    /**
     * Runs {@code work} in a transaction and commits it. When this thread already runs a transaction on the same
     * DataSource, {@code work} joins it instead (same connection; the outermost call commits or rolls back), so
     * several services' writes can be made atomic by wrapping them in one outer call.
     */
    public static <T> T inTransaction(DataSource ds, Work<T> work) {
        Open open = CURRENT.get();
        if (open != null && open.ds() == ds) {
            return joined(open, work);
        }
        List<Runnable> after = new ArrayList<>();
        T result;
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            CURRENT.set(new Open(ds, c, after));
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                CURRENT.set(open);
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
        for (Runnable r : after) {
            r.run();
        }
        return result;
    }

    /**
     * Runs {@code action} once this thread's transaction has committed (events about what it wrote), or at once
     * when no transaction is open. Nothing runs when the transaction rolls back.
     */
    public static void afterCommit(Runnable action) {
        Open open = CURRENT.get();
        if (open == null) {
            action.run();
        } else {
            open.afterCommit().add(action);
        }
    }

    /** Whether this thread is inside {@link #inTransaction} on {@code ds}. */
    public static boolean inTransaction(DataSource ds) {
        Open open = CURRENT.get();
        return open != null && open.ds() == ds;
    }

    /** Reads on this thread's open transaction when there is one on {@code ds} (so it sees its own writes), else on a fresh connection. */
    public static <T> T read(DataSource ds, Work<T> work) {
        Open open = CURRENT.get();
        if (open != null && open.ds() == ds) {
            return joined(open, work);
        }
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }

    private static <T> T joined(Open open, Work<T> work) {
        try {
            return work.run(open.connection());
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }

    /** Binds any value: {@code null} as a typeless NULL, an {@link Instant} as UTC {@code OffsetDateTime}, the rest as is. */
    public static void bind(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, java.sql.Types.NULL);
        } else if (v instanceof Instant t) {
            set(ps, i, t);
        } else {
            ps.setObject(i, v);
        }
    }

    public static void set(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, t.atOffset(ZoneOffset.UTC));
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** True on PostgreSQL (row locking with SKIP LOCKED, ON CONFLICT); false on the embedded H2. */
    public static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    public static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
