package org.evergreencrm.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The second baseline of the intake benchmark: a raw JDBC batch insert of <em>the very rows the intake wrote</em> for
 * one source — its contacts, their phones, e-mails, tags and match keys, and the leads — copied into the same tables
 * (same indexes, same foreign keys) under new ids: plain {@code addBatch}/{@code executeBatch} per table, 1,000 rows
 * a batch, one commit, nothing else. It is the cost of writing what the intake writes, without the pipeline.
 */
final class RawLeadRows {
    private RawLeadRows() {
    }

    /** Reads the rows stored for {@code source}, then times their copy; answers the seconds the copy took. */
    static double copy(DataSource ds, String source, String copySource) throws Exception {
        try (Connection c = ds.getConnection()) {
            long offset;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(id) + 1000000 FROM contact")) {
                rs.next();
                offset = rs.getLong(1);
            }
            String ids = "(SELECT contact_id FROM lead WHERE source = '" + source + "')";
            List<Object[]> contacts = rows(c, "SELECT * FROM contact WHERE id IN " + ids);
            List<Object[]> phones = rows(c, "SELECT * FROM contact_phone WHERE contact_id IN " + ids);
            List<Object[]> emails = rows(c, "SELECT * FROM contact_email WHERE contact_id IN " + ids);
            List<Object[]> tags = rows(c, "SELECT * FROM contact_tag WHERE contact_id IN " + ids);
            List<Object[]> keys = rows(c, "SELECT * FROM contact_match_key WHERE contact_id IN " + ids);
            List<Object[]> leads = rows(c, "SELECT * FROM lead WHERE source = '" + source + "'");
            long start = System.nanoTime();
            c.setAutoCommit(false);
            insert(c, "contact", contacts, offset, "id", null);
            insert(c, "contact_phone", phones, offset, "contact_id", null);
            insert(c, "contact_email", emails, offset, "contact_id", null);
            insert(c, "contact_tag", tags, offset, "contact_id", null);
            insert(c, "contact_match_key", keys, offset, "contact_id", null);
            insert(c, "lead", leads, offset, "contact_id", copySource);
            c.commit();
            c.setAutoCommit(true);
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static List<Object[]> rows(Connection c, String sql) throws Exception {
        List<Object[]> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                names.add(md.getColumnName(i));
            }
            while (rs.next()) {
                Object[] row = new Object[names.size() + 1];
                for (int i = 0; i < names.size(); i++) {
                    row[i] = rs.getObject(i + 1);
                }
                out.add(row);
            }
        }
        if (!out.isEmpty()) {
            out.get(0)[names.size()] = names; // the column names ride along with the first row
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void insert(Connection c, String table, List<Object[]> rows, long offset, String idColumn, String newSource)
            throws Exception {
        if (rows.isEmpty()) {
            return;
        }
        List<String> names = (List<String>) rows.get(0)[rows.get(0).length - 1];
        int width = names.size();
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(String.join(", ", names))
                .append(") VALUES (").append("?, ".repeat(width - 1)).append("?)");
        int idAt = names.indexOf(idColumn);
        int leadId = table.equals("lead") ? names.indexOf("id") : -1;
        int sourceAt = table.equals("lead") ? names.indexOf("source") : -1;
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int n = 0;
            for (Object[] row : rows) {
                for (int i = 0; i < width; i++) {
                    Object v = row[i];
                    if (i == idAt || i == leadId) {
                        v = ((Number) v).longValue() + offset;
                    } else if (i == sourceAt) {
                        v = newSource;
                    }
                    ps.setObject(i + 1, v);
                }
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }
}
