package org.evergreencrm.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * A database as the release before schema-per-bundle made it: every table from the store's single changelog
 * (a byte-for-byte copy of it at that release, in {@code previous-release/db/changelog/}), with a few rows in
 * tables that now belong to other bundles. Used by the in-place upgrade tests here and in the distribution.
 */
public final class PreviousRelease {
    static final String ROOT = "previous-release/";
    static final String[] FILES = {"master.xml", "001-users-and-contacts.xml", "002-contact-match-keys.xml",
        "003-dedup-review-and-merges.xml", "004-normalized-values.xml", "005-compliance.xml", "006-call-queue.xml",
        "007-dedup-jobs.xml", "008-leads.xml", "009-lead-routing.xml", "010-scheduled-tasks.xml"};
    /** The seeded contact's last name and phone, and the seeded lead's source. */
    public static final String LAST_NAME = "Oldrelease";
    public static final String PHONE = "+18135550187";
    public static final String LEAD_SOURCE = "legacy-form";

    /** One applied change set as Liquibase recorded it. */
    public record Ran(String id, String author, String filename, String md5, int order, String executedAt) {
    }

    private PreviousRelease() {
    }

    /** Creates the previous release's schema with its rows, unless the database already has a change log. */
    public static void create(DataSource ds) {
        if (!changeLog(ds).isEmpty()) {
            return;
        }
        new SchemaMigrator(ds, SchemaMigrator.class.getClassLoader()).migrate("db/changelog/master.xml", loader());
        seed(ds);
    }

    /** The change log table, oldest first; empty when there is none. */
    public static List<Ran> changeLog(DataSource ds) {
        List<Ran> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, author, filename, md5sum, orderexecuted, dateexecuted "
                        + "FROM databasechangelog ORDER BY orderexecuted")) {
            while (rs.next()) {
                out.add(new Ran(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        String.valueOf(rs.getTimestamp(6))));
            }
        } catch (SQLException e) {
            return List.of(); // no change log yet
        }
        return out;
    }

    private static void seed(DataSource ds) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long contact;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO contact (kind, first_name, last_name, addr_postal_code, "
                    + "addr_country, source, status, search_text, created_at, updated_at, version) "
                    + "VALUES ('PERSON', 'Agnes', ?, '33602', 'US', 'legacy', 'NEW', ?, ?, ?, 0)")) {
                ps.setString(1, LAST_NAME);
                ps.setString(2, ("agnes " + LAST_NAME + " 18135550187 33602").toLowerCase());
                ps.setObject(3, now);
                ps.setObject(4, now);
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id FROM contact WHERE last_name = '" + LAST_NAME + "'")) {
                rs.next();
                contact = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO contact_phone (contact_id, pos, phone_number, phone_type, e164) "
                    + "VALUES (?, 0, ?, 'MOBILE', ?)")) {
                ps.setLong(1, contact);
                ps.setString(2, PHONE);
                ps.setString(3, PHONE);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO lead (source, source_lead_id, raw_payload, contact_id, "
                    + "existing_contact, received_at, stored_at) VALUES (?, 'L-1', '{}', ?, FALSE, ?, ?)")) {
                ps.setString(1, LEAD_SOURCE);
                ps.setLong(2, contact);
                ps.setObject(3, now);
                ps.setObject(4, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dnc_list (code, description, numbers, imported_at, imported_by) "
                    + "VALUES ('US-TEST', 'made by the previous release', 1, ?, 'upgrade-test')")) {
                ps.setObject(1, now);
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO dnc_number (phone, list_code) VALUES (8135550999, 'US-TEST')");
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seed the previous release's database: " + e.getMessage(), e);
        }
    }

    /** A class loader holding only the previous release's changelog, at the paths it had then. */
    private static ClassLoader loader() {
        URL master = PreviousRelease.class.getClassLoader().getResource(ROOT + "db/changelog/master.xml");
        if (master == null) {
            throw new IllegalStateException("the previous release's changelog is not on the class path");
        }
        try {
            Path root;
            if ("file".equals(master.getProtocol())) {
                root = Path.of(master.toURI()).getParent().getParent().getParent();
            } else { // inside the test jar: copy it out
                root = Files.createTempDirectory("previous-release");
                Path dir = Files.createDirectories(root.resolve("db/changelog"));
                for (String f : FILES) {
                    try (InputStream in = PreviousRelease.class.getClassLoader().getResourceAsStream(ROOT + "db/changelog/" + f)) {
                        Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
        } catch (MalformedURLException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
