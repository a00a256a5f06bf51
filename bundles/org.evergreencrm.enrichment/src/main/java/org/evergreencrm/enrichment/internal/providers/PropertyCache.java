package org.evergreencrm.enrichment.internal.providers;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.evergreencrm.api.enrichment.EnrichmentValue;
import org.evergreencrm.store.jdbc.Jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Paid property-data answers ({@code enrichment_property_cache}), keyed by provider and the standardized address
 * lines, reused for every contact at that address while fresh — also "no data", which costs the same. Each reuse
 * counts as a lookup saved.
 */
final class PropertyCache {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DataSource ds;

    PropertyCache(DataSource ds) {
        this.ds = ds;
    }

    /** The values answered at or after {@code notBefore} (counting the hit), else empty. */
    Optional<List<EnrichmentValue>> get(String provider, String query, Instant notBefore) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT answer, fetched_at FROM enrichment_property_cache "
                    + "WHERE provider = ? AND query_text = ?")) {
                ps.setString(1, provider);
                ps.setString(2, query);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || Jdbc.instant(rs, "fetched_at").isBefore(notBefore)) {
                        return Optional.<List<EnrichmentValue>>empty();
                    }
                    Instant at = Jdbc.instant(rs, "fetched_at");
                    List<EnrichmentValue> out = new ArrayList<>();
                    for (JsonNode v : read(rs.getString("answer"))) {
                        out.add(new EnrichmentValue(v.get("group").asText(), v.get("field").asText(), v.get("value").asText(),
                                v.hasNonNull("unit") ? v.get("unit").asText() : null,
                                (v.hasNonNull("detail") ? v.get("detail").asText() : "") + " (answer of " + at + ", from the cache)",
                                provider, at));
                    }
                    try (PreparedStatement hit = c.prepareStatement("UPDATE enrichment_property_cache SET hits = hits + 1 "
                            + "WHERE provider = ? AND query_text = ?")) {
                        hit.setString(1, provider);
                        hit.setString(2, query);
                        hit.executeUpdate();
                    }
                    return Optional.of(out);
                }
            }
        });
    }

    void put(String provider, String query, List<EnrichmentValue> values, Instant at) {
        ArrayNode answer = JSON.createArrayNode();
        for (EnrichmentValue v : values) {
            answer.addObject().put("group", v.group()).put("field", v.field()).put("value", v.value()).put("unit", v.unit())
                    .put("detail", v.detail());
        }
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM enrichment_property_cache WHERE provider = ? AND query_text = ?")) {
                del.setString(1, provider);
                del.setString(2, query);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO enrichment_property_cache (provider, query_text, answer, "
                    + "fetched_at, hits) VALUES (?, ?, ?, ?, 0)")) {
                ins.setString(1, provider);
                ins.setString(2, query);
                ins.setString(3, answer.toString());
                Jdbc.set(ins, 4, at);
                ins.executeUpdate();
            }
            return null;
        });
    }

    /** Lookups saved by the cache in all (every node, since the table exists). */
    long saved(String provider) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(hits), 0) FROM enrichment_property_cache WHERE provider = ?")) {
                ps.setString(1, provider);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.createArrayNode(); // an unreadable row is a miss, not a failure
        }
    }
}
