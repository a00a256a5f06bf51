package org.evergreencrm.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.evergreencrm.api.dedup.PersonRecord;
import org.evergreencrm.api.dedup.PersonRecords;
import org.evergreencrm.api.store.MatchCandidate;
import org.evergreencrm.store.jdbc.Jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The online duplicate check's read path: three SQL statements on one connection. First the contacts sharing each
 * key (at most {@code maxKeyShare + 1} rows per key — a key shared by more says nothing and is dropped), the live
 * ones of them sharing the most keys (then the newest); then their compared columns by primary key; then their phones and e-mails. No entities are
 * built: this runs before every contact write. Measured alternatives (docs/benchmarks.md): one statement with the
 * ids as a shared CTE (PostgreSQL materializes it and scans the phone table: far slower), and contacts, phones and
 * e-mails as one UNION (a longer tail than two statements).
 */
final class MatchCandidates {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MatchCandidates() {
    }

    static List<MatchCandidate> find(DataSource ds, Set<String> keys, int limit, int maxKeyShare) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return Jdbc.read(ds, c -> find(c, keys, limit, maxKeyShare));
    }

    private static List<MatchCandidate> find(java.sql.Connection c, Set<String> keys, int limit, int maxKeyShare)
            throws java.sql.SQLException {
        // H2 mis-evaluates parameters inside a WITH clause, so there the keys go in as escaped literals
        boolean parameters = Jdbc.isPostgres(c);
        StringBuilder shared = new StringBuilder();
        int n = 0;
        for (String key : keys) {
            shared.append(n++ == 0 ? "" : " UNION ALL ").append("(SELECT match_key, contact_id FROM contact_match_key "
                    + "WHERE match_key = ").append(parameters ? "?" : "'" + key.replace("'", "''") + "'")
                    .append(" FETCH FIRST ").append(maxKeyShare + 1).append(" ROWS ONLY)");
        }
        // first round trip: the sharers of each key (capped), the selective keys, the newest live contacts sharing one
        // ranked by how many selective keys they share, then newest: a broad key (the street in a postcode) must not
        // crowd out the contact that shares the phone, the e-mail and the names
        String idSql = "WITH k AS (" + shared + "), "
                + "ok AS (SELECT match_key FROM k GROUP BY match_key HAVING COUNT(*) <= " + maxKeyShare + ") "
                + "SELECT k.contact_id, COUNT(*) AS shared FROM k JOIN contact c ON c.id = k.contact_id AND c.deleted_at IS NULL "
                + "WHERE k.match_key IN (SELECT match_key FROM ok) GROUP BY k.contact_id ORDER BY shared DESC, k.contact_id DESC "
                + "FETCH FIRST " + limit + " ROWS ONLY";
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(idSql)) {
            int i = 1;
            for (String k : keys) {
                if (parameters) {
                    ps.setString(i++, k);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        return new ArrayList<>(load(c, ids).values());
    }

    /**
     * The batch form: the sharers of every key of every record in one statement on PostgreSQL (a lateral lookup
     * capped per key), keys known to be shared by too many contacts skipped without a lookup, then every
     * candidate's compared columns once.
     */
    static List<List<MatchCandidate>> findAll(DataSource ds, List<Set<String>> keySets, int limit, int maxKeyShare,
            java.util.Set<String> hotKeys) {
        Set<String> all = new java.util.LinkedHashSet<>();
        for (Set<String> keys : keySets) {
            for (String k : keys) {
                if (!hotKeys.contains(k)) {
                    all.add(k);
                }
            }
        }
        if (all.isEmpty()) {
            return keySets.stream().map(k -> List.<MatchCandidate>of()).toList();
        }
        return Jdbc.read(ds, c -> {
            Map<String, List<Long>> sharers = sharers(c, all, maxKeyShare);
            for (String k : all) {
                List<Long> ids = sharers.get(k);
                if (ids != null && ids.size() > maxKeyShare) {
                    hotKeys.add(k);
                    sharers.remove(k);
                }
            }
            List<List<Long>> perSet = new ArrayList<>(keySets.size());
            java.util.Set<Long> every = new java.util.TreeSet<>();
            for (Set<String> keys : keySets) {
                Map<Long, Integer> shared = new HashMap<>(); // as find: most keys shared first, then newest
                for (String k : keys) {
                    for (Long id : sharers.getOrDefault(k, List.of())) {
                        shared.merge(id, 1, Integer::sum);
                    }
                }
                perSet.add(shared.entrySet().stream().sorted(Map.Entry.<Long, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.<Long, Integer>comparingByKey().reversed())).limit(limit).map(Map.Entry::getKey).toList());
                every.addAll(perSet.get(perSet.size() - 1));
            }
            Map<Long, MatchCandidate> loaded = new HashMap<>();
            List<Long> pending = new ArrayList<>(every);
            for (int from = 0; from < pending.size(); from += 500) {
                loaded.putAll(load(c, pending.subList(from, Math.min(pending.size(), from + 500))));
            }
            List<List<MatchCandidate>> out = new ArrayList<>(keySets.size());
            for (List<Long> ids : perSet) {
                List<MatchCandidate> candidates = new ArrayList<>();
                for (Long id : ids) {
                    MatchCandidate m = loaded.get(id); // absent: deleted
                    if (m != null) {
                        candidates.add(m);
                    }
                }
                out.add(candidates);
            }
            return out;
        });
    }

    /** Up to {@code maxKeyShare + 1} contact ids per key (more means the key is too common to say anything). */
    private static Map<String, List<Long>> sharers(java.sql.Connection c, Set<String> keys, int maxKeyShare)
            throws java.sql.SQLException {
        Map<String, List<Long>> out = new HashMap<>();
        if (Jdbc.isPostgres(c)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT k.key, m.contact_id FROM unnest(?::varchar[]) AS k(key) "
                    + "CROSS JOIN LATERAL (SELECT contact_id FROM contact_match_key WHERE match_key = k.key LIMIT "
                    + (maxKeyShare + 1) + ") m")) {
                ps.setArray(1, c.createArrayOf("varchar", keys.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    }
                }
            }
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT contact_id FROM contact_match_key WHERE match_key = ? FETCH FIRST "
                + (maxKeyShare + 1) + " ROWS ONLY")) {
            for (String k : keys) {
                ps.setString(1, k);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(k, x -> new ArrayList<>()).add(rs.getLong(1));
                    }
                }
            }
        }
        return out;
    }

    /** The live contacts among {@code ids}, as the comparison sees them, newest first. */
    private static Map<Long, MatchCandidate> load(java.sql.Connection c, List<Long> ids) throws java.sql.SQLException {
        // their compared columns by primary key, and their phones and e-mails (one statement each)
        String in = "?" + ", ?".repeat(ids.size() - 1);
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, owner_id, first_name, last_name, household_name, "
                + "addr_line1, addr_city, addr_postal_code, addr_state, custom_fields, addr_line2 FROM contact WHERE id IN (" + in
                + ") AND deleted_at IS NULL ORDER BY id DESC")) {
            int i = 1;
            for (Long id : ids) {
                ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), new Object[] {Jdbc.longOrNull(rs, "owner_id"), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11)});
                }
            }
        }
        Map<Long, List<String>> phones = new HashMap<>();
        Map<Long, List<String>> emails = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT contact_id, 'P' AS kind, pos, phone_number AS v FROM contact_phone "
                + "WHERE contact_id IN (" + in + ") UNION ALL SELECT contact_id, 'E', pos, address FROM contact_email "
                + "WHERE contact_id IN (" + in + ") ORDER BY 1, 2, 3")) {
            int i = 1;
            for (int round = 0; round < 2; round++) {
                for (Long id : ids) {
                    ps.setLong(i++, id);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ("P".equals(rs.getString(2)) ? phones : emails).computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getString(4));
                }
            }
        }
        Map<Long, MatchCandidate> out = new LinkedHashMap<>();
        for (Map.Entry<Long, Object[]> e : rows.entrySet()) {
            Object[] r = e.getValue();
            String family = r[2] != null ? (String) r[2] : (String) r[3];
            out.put(e.getKey(), new MatchCandidate(e.getKey(), (Long) r[0], new PersonRecord(Long.toString(e.getKey()), (String) r[1],
                    family, null, (String) r[4], (String) r[9], (String) r[5], (String) r[6], (String) r[7], dateOfBirth((String) r[8]),
                    phones.getOrDefault(e.getKey(), List.of()), emails.getOrDefault(e.getKey(), List.of())), externalId((String) r[8])));
        }
        return out;
    }

    static String externalId(String customFields) {
        if (customFields == null || !customFields.contains(PersonRecords.EXTERNAL_ID)) {
            return null;
        }
        try {
            JsonNode id = JSON.readTree(customFields).get(PersonRecords.EXTERNAL_ID);
            return id == null || id.isNull() ? null : id.asText();
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static LocalDate dateOfBirth(String customFields) {
        if (customFields == null || !customFields.contains(PersonRecords.DATE_OF_BIRTH)) {
            return null;
        }
        try {
            JsonNode dob = JSON.readTree(customFields).get(PersonRecords.DATE_OF_BIRTH);
            return dob == null || !dob.isTextual() ? null : LocalDate.parse(dob.asText());
        } catch (JsonProcessingException | DateTimeParseException e) {
            return null;
        }
    }
}
