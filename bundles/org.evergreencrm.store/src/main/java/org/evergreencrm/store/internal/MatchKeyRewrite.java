package org.evergreencrm.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.evergreencrm.store.jdbc.Jdbc;

/**
 * Replaces the stored match keys of many contacts in one transaction — for re-keying contacts written before the
 * blocking keys changed. A contact changed since {@code notChangedSince} is left alone (its save wrote the current
 * keys), as is one whose keys are already the ones given.
 */
final class MatchKeyRewrite {
    private MatchKeyRewrite() {
    }

    static int replace(DataSource ds, Map<Long, Set<String>> keys, Instant notChangedSince) {
        if (keys.isEmpty()) {
            return 0;
        }
        return Jdbc.inTransaction(ds, c -> {
            List<Long> ids = new ArrayList<>(keys.keySet());
            String in = "?" + ", ?".repeat(ids.size() - 1);
            Map<Long, Set<String>> stored = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT c.id, k.match_key FROM contact c LEFT JOIN contact_match_key k "
                    + "ON k.contact_id = c.id WHERE c.id IN (" + in + ") AND c.deleted_at IS NULL AND c.updated_at <= ?")) {
                int i = 1;
                for (Long id : ids) {
                    ps.setLong(i++, id);
                }
                Jdbc.set(ps, i, notChangedSince);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Set<String> s = stored.computeIfAbsent(rs.getLong(1), k -> new java.util.HashSet<>());
                        if (rs.getString(2) != null) {
                            s.add(rs.getString(2));
                        }
                    }
                }
            }
            int changed = 0;
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM contact_match_key WHERE contact_id = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO contact_match_key (contact_id, match_key) VALUES (?,?)")) {
                for (Map.Entry<Long, Set<String>> e : stored.entrySet()) {
                    Set<String> wanted = keys.get(e.getKey());
                    if (wanted.equals(e.getValue())) {
                        continue;
                    }
                    delete.setLong(1, e.getKey());
                    delete.addBatch();
                    for (String k : wanted) {
                        insert.setLong(1, e.getKey());
                        insert.setString(2, k);
                        insert.addBatch();
                    }
                    changed++;
                }
                delete.executeBatch();
                insert.executeBatch();
            }
            return changed;
        });
    }
}
