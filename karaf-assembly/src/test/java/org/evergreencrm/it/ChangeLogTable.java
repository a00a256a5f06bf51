package org.evergreencrm.it;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import javax.sql.DataSource;

/** Liquibase's change log table read plainly, for the schema tests: rows, and a fingerprint of all of them. */
final class ChangeLogTable {
    private ChangeLogTable() {
    }

    /** One line per applied change set (id, author, file, checksum, order, time), oldest first, hashed. */
    static String fingerprint(DataSource ds) throws Exception {
        return fingerprint(ds, Integer.MAX_VALUE);
    }

    /** The same, of the first {@code rows} change sets applied. */
    static String fingerprint(DataSource ds, int rows) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, author, filename, md5sum, orderexecuted, dateexecuted "
                        + "FROM databasechangelog ORDER BY orderexecuted")) {
            for (int n = 0; n < rows && rs.next(); n++) {
                all.append(rs.getString(1)).append('|').append(rs.getString(2)).append('|').append(rs.getString(3))
                        .append('|').append(rs.getString(4)).append('|').append(rs.getInt(5)).append('|')
                        .append(rs.getTimestamp(6).toInstant()).append('\n');
            }
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.toString().getBytes("UTF-8")));
    }

    static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static boolean tableExists(DataSource ds, String table) {
        try {
            count(ds, "SELECT COUNT(*) FROM " + table);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
