package org.evergreencrm.compliance.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.evergreencrm.api.compliance.Channel;
import org.evergreencrm.api.compliance.ConsentKind;
import org.evergreencrm.api.compliance.ConsentMethod;
import org.evergreencrm.api.compliance.ConsentRecord;
import org.evergreencrm.api.compliance.DecisionRecord;
import org.evergreencrm.api.compliance.DncList;
import org.evergreencrm.store.jdbc.DecisionLog;
import org.evergreencrm.store.jdbc.Jdbc;

/** The compliance tables over plain JDBC: registry numbers, consent records, decisions, the call log's recent calls. */
final class ComplianceStore {
    private static final String CONSENT_COLUMNS = "id, contact_id, phone, channel, kind, method, received_at, "
            + "effective_at, honor_by, recorded_by, recorded_at, note";
    private final DataSource ds;

    ComplianceStore(DataSource ds) {
        this.ds = ds;
    }

    DataSource dataSource() {
        return ds;
    }

    /** Registry lists, consent records and calls of the last 24 h for a number (and the contact), in one connection. */
    CallPolicy.Facts facts(long national, Long contactId, Instant at, boolean countCalls) {
        return Jdbc.read(ds, c -> facts(c, national, contactId, at, countCalls));
    }

    static CallPolicy.Facts facts(Connection c, long national, Long contactId, Instant at, boolean countCalls)
            throws SQLException {
        // registry lists and consent records in one round trip (this runs on every claim)
        List<String> lists = new ArrayList<>();
        List<ConsentRecord> records = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT 'L' AS src, NULL AS id, NULL AS contact_id, NULL AS phone, "
                + "list_code AS channel, NULL AS kind, NULL AS method, NULL AS received_at, NULL AS effective_at, "
                + "NULL AS honor_by, NULL AS recorded_by, NULL AS recorded_at, NULL AS note FROM dnc_number WHERE phone = ? "
                + "UNION ALL SELECT 'C', " + CONSENT_COLUMNS + " FROM consent_record WHERE phone = ? OR contact_id = ?")) {
            ps.setLong(1, national);
            ps.setLong(2, national);
            ps.setLong(3, contactId == null ? -1 : contactId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if ("L".equals(rs.getString("src"))) {
                        lists.add(rs.getString("channel"));
                    } else {
                        records.add(consent(rs));
                    }
                }
            }
        }
        records.sort(java.util.Comparator.comparing(ConsentRecord::effectiveAt).thenComparingLong(ConsentRecord::id).reversed());
        List<Instant> calls = new ArrayList<>();
        if (!countCalls) {
            return new CallPolicy.Facts(List.copyOf(lists), records, calls);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT claimed_at FROM call_attempt WHERE phone = ? "
                + "AND claimed_at > ? AND (outcome IS NULL OR outcome <> 'NOT_DIALED')")) {
            ps.setString(1, "+1" + national);
            Jdbc.set(ps, 2, at.minusSeconds(86_400));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    calls.add(Jdbc.instant(rs, "claimed_at"));
                }
            }
        }
        return new CallPolicy.Facts(List.copyOf(lists), records, calls);
    }

    List<ConsentRecord> consents(Long contactId, Long national) {
        return Jdbc.read(ds, c -> consents(c, contactId, national));
    }

    private static List<ConsentRecord> consents(Connection c, Long contactId, Long national) throws SQLException {
        List<ConsentRecord> out = new ArrayList<>();
        if (contactId == null && national == null) {
            return out;
        }
        String where = contactId != null && national != null ? "phone = ? OR contact_id = ?"
                : national != null ? "phone = ?" : "contact_id = ?";
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CONSENT_COLUMNS + " FROM consent_record WHERE "
                + where + " ORDER BY effective_at DESC, id DESC")) {
            int i = 1;
            if (national != null) {
                ps.setLong(i++, national);
            }
            if (contactId != null) {
                ps.setLong(i, contactId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(consent(rs));
                }
            }
        }
        return out;
    }

    private static ConsentRecord consent(ResultSet rs) throws SQLException {
        Long phone = Jdbc.longOrNull(rs, "phone");
        return new ConsentRecord(rs.getLong("id"), Jdbc.longOrNull(rs, "contact_id"), phone == null ? null : "+1" + phone,
                Channel.valueOf(rs.getString("channel")), ConsentKind.valueOf(rs.getString("kind")),
                ConsentMethod.valueOf(rs.getString("method")), Jdbc.instant(rs, "received_at"),
                Jdbc.instant(rs, "effective_at"), Jdbc.instant(rs, "honor_by"), rs.getString("recorded_by"),
                Jdbc.instant(rs, "recorded_at"), rs.getString("note"));
    }

    ConsentRecord insert(Long contactId, Long national, Channel channel, ConsentKind kind, ConsentMethod method,
            Instant received, Instant effective, Instant honorBy, String recordedBy, Instant recordedAt, String note) {
        long id = Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO consent_record (contact_id, phone, channel, "
                    + "kind, method, received_at, effective_at, honor_by, recorded_by, recorded_at, note) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"})) {
                ps.setObject(1, contactId);
                ps.setObject(2, national);
                ps.setString(3, channel.name());
                ps.setString(4, kind.name());
                ps.setString(5, method.name());
                Jdbc.set(ps, 6, received);
                Jdbc.set(ps, 7, effective);
                Jdbc.set(ps, 8, honorBy);
                ps.setString(9, recordedBy);
                Jdbc.set(ps, 10, recordedAt);
                ps.setString(11, note);
                ps.executeUpdate();
                return generatedId(ps);
            }
        });
        return new ConsentRecord(id, contactId, national == null ? null : "+1" + national, channel, kind, method,
                received, effective, honorBy, recordedBy, recordedAt, note);
    }

    static long generatedId(Statement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    void logDecision(Long contactId, Long national, Instant at, String purpose, boolean allowed, String reasons,
            String actor) {
        Jdbc.inTransaction(ds, c -> {
            DecisionLog.insert(c, contactId, national == null ? null : "+1" + national, at, purpose, allowed, reasons, actor);
            return null;
        });
    }

    List<DecisionRecord> decisions(Long contactId, Long national, int limit) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, contact_id, phone, decided_at, purpose, allowed, "
                    + "reasons, actor FROM compliance_decision WHERE contact_id = ? OR phone = ? ORDER BY id DESC")) {
                ps.setLong(1, contactId == null ? -1 : contactId);
                ps.setLong(2, national == null ? -1 : national);
                ps.setMaxRows(limit);
                List<DecisionRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Long phone = Jdbc.longOrNull(rs, "phone");
                        out.add(new DecisionRecord(rs.getLong("id"), Jdbc.longOrNull(rs, "contact_id"),
                                phone == null ? null : "+1" + phone, Jdbc.instant(rs, "decided_at"),
                                rs.getString("purpose"), rs.getBoolean("allowed"), rs.getString("reasons"),
                                rs.getString("actor")));
                    }
                }
                return out;
            }
        });
    }

    List<DncList> lists() {
        return Jdbc.read(ds, c -> {
            List<DncList> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT code, description, numbers, "
                    + "imported_at, imported_by FROM dnc_list ORDER BY code")) {
                while (rs.next()) {
                    out.add(new DncList(rs.getString(1), rs.getString(2), rs.getLong(3), Jdbc.instant(rs, "imported_at"),
                            rs.getString(5)));
                }
            }
            return out;
        });
    }

    /** Moves a loser's contact-level consent records to the survivor, remembering which under the merge. */
    int moveConsents(long mergeId, long survivorId, long loserId) {
        return Jdbc.inTransaction(ds, c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM consent_record WHERE contact_id = ?")) {
                ps.setLong(1, loserId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            for (long id : ids) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO merge_moved_record (merge_id, kind, record_id) "
                        + "SELECT ?, 'consent', ? FROM consent_record WHERE id = ? AND NOT EXISTS (SELECT 1 FROM "
                        + "merge_moved_record WHERE merge_id = ? AND kind = 'consent' AND record_id = ?)")) {
                    ps.setLong(1, mergeId);
                    ps.setLong(2, id);
                    ps.setLong(3, id);
                    ps.setLong(4, mergeId);
                    ps.setLong(5, id);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE consent_record SET contact_id = ? WHERE id = ?")) {
                    ps.setLong(1, survivorId);
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
            }
            return ids.size();
        });
    }

    /** Moves back what {@link #moveConsents} moved for the merge. */
    int restoreConsents(long mergeId, long loserId) {
        return Jdbc.inTransaction(ds, c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("UPDATE consent_record SET contact_id = ? WHERE id IN "
                    + "(SELECT record_id FROM merge_moved_record WHERE merge_id = ? AND kind = 'consent')")) {
                ps.setLong(1, loserId);
                ps.setLong(2, mergeId);
                n = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM merge_moved_record WHERE merge_id = ? AND kind = 'consent'")) {
                ps.setLong(1, mergeId);
                ps.executeUpdate();
            }
            return n;
        });
    }
}
