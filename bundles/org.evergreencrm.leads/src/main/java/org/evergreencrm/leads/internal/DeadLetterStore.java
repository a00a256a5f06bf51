package org.evergreencrm.leads.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.evergreencrm.api.lead.DeadLetter;
import org.evergreencrm.store.jdbc.Jdbc;

/** {@code lead_dead_letter}: leads that could not be taken in, kept with the reason until replayed. */
final class DeadLetterStore {
    /** One lead to keep: where it came from, what was received, why it failed. */
    record Failed(String source, String sourceLeadId, String payload, String error, String status, Instant receivedAt) {
    }

    private final DataSource ds;

    DeadLetterStore(DataSource ds) {
        this.ds = ds;
    }

    DeadLetter deadLetter(String source, String sourceLeadId, String payload, String error, String status, Instant receivedAt,
            Instant now) {
        return insertAll(List.of(new Failed(source, sourceLeadId, payload, error, status, receivedAt)), now).get(0);
    }

    /** Keeps them all in one transaction. */
    List<DeadLetter> insertAll(List<Failed> failed, Instant now) {
        if (failed.isEmpty()) {
            return List.of();
        }
        return Jdbc.inTransaction(ds, c -> {
            List<DeadLetter> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO lead_dead_letter (source, source_lead_id, payload, error, "
                    + "status, received_at, failed_at, attempts) VALUES (?,?,?,?,?,?,?,1)", new String[] {"id"})) {
                for (Failed f : failed) {
                    String source = LeadStore.cut(f.source() == null ? "(none)" : f.source(), 100);
                    String id = LeadStore.cut(f.sourceLeadId(), 200);
                    String payload = LeadStore.cut(f.payload() == null ? "" : f.payload(), 32000);
                    String error = LeadStore.cut(f.error() == null ? "unknown error" : f.error(), 2000);
                    Instant received = f.receivedAt() == null ? now : f.receivedAt();
                    ps.setString(1, source);
                    ps.setString(2, id);
                    ps.setString(3, payload);
                    ps.setString(4, error);
                    ps.setString(5, f.status());
                    Jdbc.set(ps, 6, received);
                    Jdbc.set(ps, 7, now);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        out.add(new DeadLetter(keys.getLong(1), source, id, payload, error, f.status(), received, now, 1, null));
                    }
                }
            }
            return out;
        });
    }

    Optional<DeadLetter> byId(long id) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM lead_dead_letter WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(deadLetter(rs)) : Optional.<DeadLetter>empty();
                }
            }
        });
    }

    List<DeadLetter> list(boolean openOnly, int limit) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM lead_dead_letter " + (openOnly ? "WHERE status = 'OPEN' " : "")
                    + "ORDER BY id DESC FETCH FIRST " + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY"); ResultSet rs = ps.executeQuery()) {
                List<DeadLetter> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(deadLetter(rs));
                }
                return out;
            }
        });
    }

    void replayed(long deadLetterId, Long leadId, String error, Instant now) {
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE lead_dead_letter SET attempts = attempts + 1, failed_at = ?, "
                    + "status = ?, lead_id = ?, error = COALESCE(?, error) WHERE id = ?")) {
                Jdbc.set(ps, 1, now);
                ps.setString(2, leadId == null ? "OPEN" : "REPLAYED");
                ps.setObject(3, leadId);
                ps.setString(4, error == null ? null : LeadStore.cut(error, 2000));
                ps.setLong(5, deadLetterId);
                return ps.executeUpdate();
            }
        });
    }

    private static DeadLetter deadLetter(ResultSet rs) throws SQLException {
        return new DeadLetter(rs.getLong("id"), rs.getString("source"), rs.getString("source_lead_id"), rs.getString("payload"),
                rs.getString("error"), rs.getString("status"), Jdbc.instant(rs, "received_at"), Jdbc.instant(rs, "failed_at"),
                rs.getInt("attempts"), Jdbc.longOrNull(rs, "lead_id"));
    }
}
