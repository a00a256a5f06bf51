package org.evergreencrm.queue.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.evergreencrm.api.ConflictException;
import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.queue.Bucket;
import org.evergreencrm.store.jdbc.Jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** {@code queue_bucket}: the name as a column (unique), the rest of the definition as JSON, a version for updates. */
final class BucketStore {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final DataSource ds;

    BucketStore(DataSource ds) {
        this.ds = ds;
    }

    List<Bucket> all() {
        return Jdbc.read(ds, c -> {
            List<Bucket> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id, name, definition, version, created_at, updated_at FROM queue_bucket ORDER BY id")) {
                while (rs.next()) {
                    out.add(bucket(rs));
                }
            }
            return out;
        });
    }

    Optional<Bucket> find(long id) {
        return all().stream().filter(b -> b.id() == id).findFirst();
    }

    Bucket insert(String name, BucketRules.Definition def, Instant now) {
        long id = Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO queue_bucket (name, definition, version, "
                    + "created_at, updated_at) VALUES (?, ?, 0, ?, ?)", new String[] {"id"})) {
                ps.setString(1, name);
                ps.setString(2, json(def));
                Jdbc.set(ps, 3, now);
                Jdbc.set(ps, 4, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            } catch (SQLException e) {
                throw uniqueName(e, name);
            }
        });
        return find(id).orElseThrow();
    }

    Bucket update(long id, long expectedVersion, String name, BucketRules.Definition def, Instant now) {
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE queue_bucket SET name = ?, definition = ?, "
                    + "version = version + 1, updated_at = ? WHERE id = ? AND version = ?")) {
                ps.setString(1, name);
                ps.setString(2, json(def));
                Jdbc.set(ps, 3, now);
                ps.setLong(4, id);
                ps.setLong(5, expectedVersion);
                if (ps.executeUpdate() == 0) {
                    throw new ConflictException("version", "the bucket was changed by someone else; reload it and try again");
                }
                return null;
            } catch (SQLException e) {
                throw uniqueName(e, name);
            }
        });
        return find(id).orElseThrow(() -> new NotFoundException("bucket", id));
    }

    void delete(long id) {
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM queue_bucket WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
    }

    private static SQLException uniqueName(SQLException e, String name) throws SQLException {
        if ("23505".equals(e.getSQLState())) {
            throw new ConflictException("name", "a bucket named " + name + " already exists");
        }
        return e;
    }

    private static String json(BucketRules.Definition def) {
        try {
            return JSON.writeValueAsString(def);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Bucket bucket(ResultSet rs) throws SQLException {
        BucketRules.Definition d;
        try {
            d = JSON.readValue(rs.getString("definition"), BucketRules.Definition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bucket " + rs.getLong("id") + " has an unreadable definition: " + e.getMessage(), e);
        }
        return new Bucket(rs.getLong("id"), rs.getString("name"), d.weight(), d.order(), d.maxAttempts(),
                d.maxTotalAttempts(), new org.evergreencrm.api.queue.ActiveHours(java.util.EnumSet.copyOf(d.hours().days()),
                d.hours().from(), d.hours().to()), d.transitions(), d.exhaustedBucket(), d.teamIds(), rs.getLong("version"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }
}
