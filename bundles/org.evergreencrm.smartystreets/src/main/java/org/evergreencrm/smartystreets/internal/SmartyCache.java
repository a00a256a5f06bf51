package org.evergreencrm.smartystreets.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.evergreencrm.api.address.AddressVerifier;
import org.evergreencrm.api.address.StandardAddress;
import org.evergreencrm.store.jdbc.Jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Answers already paid for, in {@code smarty_cache}: keyed by the query's normalized fields, reused by every contact
 * with that address until older than the TTL; each reuse adds one to {@code hits} (the lookups saved).
 */
final class SmartyCache {
    private static final TypeReference<List<StandardAddress>> LIST = new TypeReference<>() { };
    private final DataSource ds;
    private final ObjectMapper json = new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    SmartyCache(DataSource ds) {
        this.ds = ds;
    }

    static String text(AddressVerifier.Query q) {
        StringBuilder b = new StringBuilder();
        for (String s : new String[] {q.addressee(), q.street(), q.secondary(), q.city(), q.state(), q.zipcode()}) {
            b.append(s == null ? "" : s.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ")).append('|');
        }
        return b.toString();
    }

    static String key(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cached candidates when fresh (and counts the hit), else empty. */
    Optional<List<StandardAddress>> get(String text, Instant notBefore) {
        String key = key(text);
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT candidates, fetched_at FROM smarty_cache WHERE query_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || Jdbc.instant(rs, "fetched_at").isBefore(notBefore)) {
                        return Optional.<List<StandardAddress>>empty();
                    }
                    List<StandardAddress> list = read(rs.getString("candidates"));
                    try (PreparedStatement hit = c.prepareStatement("UPDATE smarty_cache SET hits = hits + 1 WHERE query_key = ?")) {
                        hit.setString(1, key);
                        hit.executeUpdate();
                    }
                    return Optional.of(list);
                }
            }
        });
    }

    void put(String text, List<StandardAddress> candidates, Instant at) {
        String key = key(text);
        String body;
        try {
            body = json.writeValueAsString(candidates);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM smarty_cache WHERE query_key = ?")) {
                del.setString(1, key);
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO smarty_cache (query_key, query_text, candidates, "
                    + "fetched_at, hits) VALUES (?, ?, ?, ?, 0)")) {
                ps.setString(1, key);
                ps.setString(2, text.length() > 600 ? text.substring(0, 600) : text);
                ps.setString(3, body);
                Jdbc.set(ps, 4, at);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Lookups saved by the cache since it exists (all nodes). */
    long saved() {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(hits), 0) FROM smarty_cache");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private List<StandardAddress> read(String body) {
        try {
            return json.readValue(body, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable cache entry: " + e.getOriginalMessage(), e);
        }
    }
}
