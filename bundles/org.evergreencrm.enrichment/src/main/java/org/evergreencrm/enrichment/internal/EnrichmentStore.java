package org.evergreencrm.enrichment.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.evergreencrm.api.enrichment.EnrichmentValue;
import org.evergreencrm.api.enrichment.ProviderRun;
import org.evergreencrm.store.jdbc.Jdbc;

/**
 * A contact's enrichment ({@code enrichment_value}, {@code enrichment_run}): one row per provider and field, replaced
 * as a whole for a provider each time it runs on the contact, so a value the provider no longer gives disappears.
 */
final class EnrichmentStore {
    private final DataSource ds;

    EnrichmentStore(DataSource ds) {
        this.ds = ds;
    }

    /** Replaces what these providers stored for the contact with their new values and runs, in one transaction. */
    void replace(long contactId, List<ProviderRun> runs, List<EnrichmentValue> values) {
        Jdbc.inTransaction(ds, c -> {
            for (ProviderRun run : runs) {
                if ("FAILED".equals(run.outcome())) {
                    continue; // a failure keeps the provider's last good values; the run row says it failed
                }
                try (PreparedStatement del = c.prepareStatement("DELETE FROM enrichment_value WHERE contact_id = ? AND provider = ?")) {
                    del.setLong(1, contactId);
                    del.setString(2, run.provider());
                    del.executeUpdate();
                }
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO enrichment_value (contact_id, provider, field, value_group, "
                    + "value_text, unit, detail, enriched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (EnrichmentValue v : values) {
                    ins.setLong(1, contactId);
                    ins.setString(2, cut(v.source(), 40));
                    ins.setString(3, cut(v.field(), 60));
                    ins.setString(4, cut(v.group(), 30));
                    ins.setString(5, cut(v.value(), 500));
                    ins.setString(6, cut(v.unit(), 20));
                    ins.setString(7, cut(v.detail(), 500));
                    Jdbc.set(ins, 8, v.at());
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            for (ProviderRun run : runs) {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM enrichment_run WHERE contact_id = ? AND provider = ?")) {
                    del.setLong(1, contactId);
                    del.setString(2, run.provider());
                    del.executeUpdate();
                }
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO enrichment_run (contact_id, provider, outcome, value_count, "
                        + "message, ran_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    ins.setLong(1, contactId);
                    ins.setString(2, cut(run.provider(), 40));
                    ins.setString(3, run.outcome());
                    ins.setInt(4, run.values());
                    ins.setString(5, cut(run.message(), 500));
                    Jdbc.set(ins, 6, run.at());
                    ins.executeUpdate();
                }
            }
            return null;
        });
    }

    List<EnrichmentValue> values(long contactId) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT provider, field, value_group, value_text, unit, detail, enriched_at "
                    + "FROM enrichment_value WHERE contact_id = ? ORDER BY value_group, provider, field")) {
                ps.setLong(1, contactId);
                List<EnrichmentValue> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new EnrichmentValue(rs.getString("value_group"), rs.getString("field"), rs.getString("value_text"),
                                rs.getString("unit"), rs.getString("detail"), rs.getString("provider"), Jdbc.instant(rs, "enriched_at")));
                    }
                }
                return out;
            }
        });
    }

    List<ProviderRun> runs(long contactId) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT provider, outcome, value_count, message, ran_at FROM enrichment_run "
                    + "WHERE contact_id = ? ORDER BY provider")) {
                ps.setLong(1, contactId);
                List<ProviderRun> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ProviderRun(rs.getString("provider"), rs.getString("outcome"), rs.getInt("value_count"),
                                rs.getString("message"), Jdbc.instant(rs, "ran_at")));
                    }
                }
                return out;
            }
        });
    }

    /** The contacts that have a standardized address, after {@code afterId}, in id order: the re-enrichment job's pages. */
    List<Long> contactsWithAddress(long afterId, int max) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM contact WHERE id > ? AND deleted_at IS NULL AND (addr_line1 IS NOT NULL "
                    + "OR addr_postal_code IS NOT NULL OR addr_city IS NOT NULL) ORDER BY id")) {
                ps.setLong(1, afterId);
                ps.setMaxRows(max);
                List<Long> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out;
            }
        });
    }

    long countContactsWithAddress() {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM contact WHERE deleted_at IS NULL AND (addr_line1 IS NOT NULL "
                    + "OR addr_postal_code IS NOT NULL OR addr_city IS NOT NULL)");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
