package org.evergreencrm.address.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.evergreencrm.api.address.ZipImport;
import org.evergreencrm.api.address.ZipPlace;
import org.evergreencrm.store.jdbc.Jdbc;

/** The ZIP directory's tables over plain JDBC: {@code address_zip} and {@code address_zip_import}. */
final class ZipStore {
    private static final int BATCH = 1000;
    private final DataSource ds;

    ZipStore(DataSource ds) {
        this.ds = ds;
    }

    List<ZipPlace> all() {
        return Jdbc.read(ds, c -> {
            List<ZipPlace> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT zip, city, state, county_name, "
                    + "county_fips, latitude, longitude, time_zone FROM address_zip")) {
                while (rs.next()) {
                    out.add(new ZipPlace(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getDouble(6), rs.getDouble(7), rs.getString(8)));
                }
            }
            return out;
        });
    }

    long start(String source, String actor, Instant at) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO address_zip_import (source, state, started_by, "
                    + "started_at) VALUES (?, 'RUNNING', ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, cut(source, 500));
                ps.setString(2, actor);
                Jdbc.set(ps, 3, at);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Stores the places (replacing those ZIPs) and finishes the import record, in one transaction. */
    void store(long importId, GeoNamesReader.Result result, Instant at) {
        Jdbc.inTransaction(ds, c -> {
            List<ZipPlace> places = result.places();
            for (int from = 0; from < places.size(); from += BATCH) {
                List<ZipPlace> batch = places.subList(from, Math.min(places.size(), from + BATCH));
                replace(c, importId, batch);
            }
            finish(c, importId, "DONE", result.rowsRead(), places.size(), result.refused(), result.refusals(), at,
                    places.size() + " ZIPs stored, " + result.refused() + " rows refused");
            return null;
        });
    }

    void fail(long importId, long rowsRead, String message, Instant at) {
        Jdbc.inTransaction(ds, c -> {
            finish(c, importId, "FAILED", rowsRead, 0, 0, List.of(), at, message);
            return null;
        });
    }

    private static void replace(Connection c, long importId, List<ZipPlace> batch) throws SQLException {
        String marks = String.join(",", java.util.Collections.nCopies(batch.size(), "?"));
        try (PreparedStatement del = c.prepareStatement("DELETE FROM address_zip WHERE zip IN (" + marks + ")")) {
            for (int i = 0; i < batch.size(); i++) {
                del.setString(i + 1, batch.get(i).zip());
            }
            del.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO address_zip (zip, city, state, county_name, "
                + "county_fips, latitude, longitude, time_zone, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ZipPlace p : batch) {
                ins.setString(1, p.zip());
                ins.setString(2, cut(p.city(), 100));
                ins.setString(3, p.state());
                ins.setString(4, cut(p.countyName(), 100));
                ins.setString(5, p.countyFips());
                ins.setDouble(6, p.latitude());
                ins.setDouble(7, p.longitude());
                if (p.timeZone() == null) {
                    ins.setNull(8, Types.VARCHAR);
                } else {
                    ins.setString(8, p.timeZone());
                }
                ins.setLong(9, importId);
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    private static void finish(Connection c, long id, String state, long rows, long stored, long refused,
            List<String> refusals, Instant at, String message) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE address_zip_import SET state = ?, rows_read = ?, "
                + "zips_stored = ?, rows_refused = ?, refusals = ?, finished_at = ?, message = ? WHERE id = ?")) {
            ps.setString(1, state);
            ps.setLong(2, rows);
            ps.setLong(3, stored);
            ps.setLong(4, refused);
            ps.setString(5, cut(String.join("\n", refusals), 8000));
            Jdbc.set(ps, 6, at);
            ps.setString(7, cut(message, 1000));
            ps.setLong(8, id);
            ps.executeUpdate();
        }
    }

    /** The id of the newest finished import, 0 when none. */
    long newestDoneImport() {
        return Jdbc.read(ds, c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(id) FROM address_zip_import WHERE state = 'DONE'")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    List<ZipImport> imports() {
        return Jdbc.read(ds, c -> {
            List<ZipImport> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, source, state, rows_read, "
                    + "zips_stored, rows_refused, refusals, started_at, finished_at, message FROM address_zip_import "
                    + "ORDER BY id DESC")) {
                while (rs.next()) {
                    String refusals = rs.getString("refusals");
                    out.add(new ZipImport(rs.getLong("id"), rs.getString("source"), rs.getString("state"),
                            rs.getLong("rows_read"), rs.getLong("zips_stored"), rs.getLong("rows_refused"),
                            refusals == null || refusals.isEmpty() ? List.of() : Arrays.asList(refusals.split("\n")),
                            Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"), rs.getString("message")));
                }
            }
            return out;
        });
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
