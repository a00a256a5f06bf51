package org.evergreencrm.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Writes one row of the compliance decision log ({@code compliance_decision}) on the caller's connection, so a
 * decision is committed together with what it allowed (the call queue logs each claim's decision in the claim's
 * own transaction: one commit per claim).
 */
public final class DecisionLog {
    private DecisionLog() {
    }

    /** @param phone E.164 ({@code +1} and 10 digits) or {@code null} */
    public static void insert(Connection c, Long contactId, String phone, Instant at, String purpose, boolean allowed,
            String reasons, String actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO compliance_decision (contact_id, phone, decided_at, "
                + "purpose, allowed, reasons, actor) VALUES (?,?,?,?,?,?,?)")) {
            ps.setObject(1, contactId);
            ps.setObject(2, national(phone));
            Jdbc.set(ps, 3, at);
            ps.setString(4, purpose);
            ps.setBoolean(5, allowed);
            ps.setString(6, reasons.length() > 2000 ? reasons.substring(0, 1997) + "..." : reasons);
            ps.setString(7, actor);
            ps.executeUpdate();
        }
    }

    /** The 10-digit national number of a {@code +1} E.164 number, else {@code null}. */
    public static Long national(String e164) {
        if (e164 == null || e164.length() != 12 || !e164.startsWith("+1")) {
            return null;
        }
        try {
            return Long.parseLong(e164.substring(2));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
