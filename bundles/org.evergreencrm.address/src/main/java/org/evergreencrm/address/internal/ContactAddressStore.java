package org.evergreencrm.address.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.evergreencrm.api.address.AddressAnalysis;
import org.evergreencrm.api.address.AddressComponents;
import org.evergreencrm.api.address.AddressMetadata;
import org.evergreencrm.api.address.AddressSource;
import org.evergreencrm.api.address.StandardAddress;
import org.evergreencrm.store.jdbc.Jdbc;

/** Contacts' standardized addresses ({@code address_contact}), one row per contact, beside the typed address. */
final class ContactAddressStore {
    private static final String[] COLUMNS = {"raw_text", "addressee", "delivery_line", "last_line", "primary_number",
        "street_predirection", "street_name", "street_suffix", "street_postdirection", "secondary_designator",
        "secondary_number", "city_name", "state_abbreviation", "zipcode", "plus4_code", "record_type", "county_name",
        "county_fips", "rdi", "latitude", "longitude", "geo_precision", "time_zone", "utc_offset", "dst",
        "dpv_match_code", "dpv_footnotes", "footnotes", "verified", "unparsed", "source", "standardized_at", "note"};
    private final DataSource ds;

    record Stored(String rawText, StandardAddress address, String unparsed, String note) {
    }

    ContactAddressStore(DataSource ds) {
        this.ds = ds;
    }

    Optional<Stored> get(long contactId) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", COLUMNS)
                    + " FROM address_contact WHERE contact_id = ?")) {
                ps.setLong(1, contactId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Stores (or replaces) the contact's standardized address. */
    void put(long contactId, String rawText, StandardAddress a, List<String> unparsed, String note) {
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM address_contact WHERE contact_id = ?")) {
                del.setLong(1, contactId);
                del.executeUpdate();
            }
            StringBuilder sql = new StringBuilder("INSERT INTO address_contact (contact_id");
            for (String col : COLUMNS) {
                sql.append(", ").append(col);
            }
            sql.append(") VALUES (?").append(", ?".repeat(COLUMNS.length)).append(")");
            AddressComponents k = a.components();
            AddressMetadata m = a.metadata();
            AddressAnalysis n = a.analysis();
            Object[] values = {rawText, a.addressee(), a.deliveryLine1(), a.lastLine(), k.primaryNumber(),
                k.streetPredirection(), k.streetName(), k.streetSuffix(), k.streetPostdirection(),
                k.secondaryDesignator(), k.secondaryNumber(), k.cityName(), k.stateAbbreviation(), k.zipcode(),
                k.plus4Code(), m.recordType(), m.countyName(), m.countyFips(), m.rdi(), m.latitude(), m.longitude(),
                m.precision(), m.timeZone(), m.utcOffset(), m.dst(), n.dpvMatchCode(), n.dpvFootnotes(), n.footnotes(),
                n.verified(), unparsed.isEmpty() ? null : String.join(" | ", unparsed), a.source().name(), a.at(), note};
            int[] max = {1000, 200, 300, 200, 30, 4, 150, 8, 4, 8, 30, 100, 2, 5, 4, 1, 100, 5, 12, 0, 0, 12, 40, 0, 0,
                1, 40, 500, 0, 500, 16, 0, 500};
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setLong(1, contactId);
                for (int i = 0; i < values.length; i++) {
                    Object v = values[i] instanceof String s && max[i] > 0 ? ZipStore.cut(s, max[i]) : values[i];
                    Jdbc.bind(ps, i + 2, v);
                }
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static Stored read(ResultSet rs) throws SQLException {
        AddressComponents k = new AddressComponents(rs.getString("primary_number"), rs.getString("street_predirection"),
                rs.getString("street_name"), rs.getString("street_suffix"), rs.getString("street_postdirection"),
                rs.getString("secondary_designator"), rs.getString("secondary_number"), rs.getString("city_name"),
                rs.getString("state_abbreviation"), rs.getString("zipcode"), rs.getString("plus4_code"));
        AddressMetadata m = new AddressMetadata(rs.getString("record_type"), rs.getString("county_name"),
                rs.getString("county_fips"), rs.getString("rdi"), number(rs, "latitude"), number(rs, "longitude"),
                rs.getString("geo_precision"), rs.getString("time_zone"), number(rs, "utc_offset"), bool(rs, "dst"));
        AddressAnalysis n = new AddressAnalysis(rs.getString("dpv_match_code"), rs.getString("dpv_footnotes"), null, null,
                rs.getString("footnotes"), rs.getBoolean("verified"));
        StandardAddress a = new StandardAddress(rs.getString("addressee"), rs.getString("delivery_line"),
                rs.getString("last_line"), k, m, n, AddressSource.valueOf(rs.getString("source")),
                Jdbc.instant(rs, "standardized_at"));
        return new Stored(rs.getString("raw_text"), a, rs.getString("unparsed"), rs.getString("note"));
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }
}
