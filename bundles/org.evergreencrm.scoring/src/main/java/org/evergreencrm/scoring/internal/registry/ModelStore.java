package org.evergreencrm.scoring.internal.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.evergreencrm.api.scoring.ModelMetrics;
import org.evergreencrm.api.scoring.ModelVersion;
import org.evergreencrm.scoring.internal.data.FeatureSpec;
import org.evergreencrm.scoring.internal.model.Isotonic;
import org.evergreencrm.scoring.internal.model.TrainedModel;
import org.evergreencrm.store.jdbc.Jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The {@code scoring_model} table: versions with their metrics and provenance, and the stored models. */
final class ModelStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, name, algorithm, state, trained_by, trained_at, window_from, window_to, features, provenance, "
            + "split, train_rows, metrics, promoted_at";
    private final DataSource ds;

    ModelStore(DataSource ds) {
        this.ds = ds;
    }

    /** What is stored of a model beside Tribuo's bytes, so it encodes and calibrates leads as in training. */
    record Meta(Map<String, FeatureSpec.Type> types, Set<String> missing, double[] calibrationX, double[] calibrationY, List<Double> cuts,
            Map<String, Double> means) {
    }

    long insert(ModelVersion v, TrainedModel model, Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO scoring_model (name, algorithm, state, trained_by, trained_at, "
                + "window_from, window_to, features, provenance, split, train_rows, metrics, meta, model_data) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, v.name());
            ps.setString(2, v.algorithm());
            ps.setString(3, v.state());
            ps.setString(4, v.trainedBy());
            Jdbc.set(ps, 5, v.trainedAt());
            ps.setString(6, v.windowFrom());
            ps.setString(7, v.windowTo());
            ps.setString(8, json(v.features()));
            ps.setString(9, v.provenance());
            ps.setString(10, v.split());
            ps.setLong(11, v.trainRows());
            ps.setString(12, json(v.metrics()));
            ps.setString(13, json(new Meta(model.types(), model.missing(), model.calibration().x(), model.calibration().y(), model.cuts(),
                    model.means())));
            ps.setString(14, Base64.getEncoder().encodeToString(model.modelBytes()));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    List<ModelVersion> all() {
        return Jdbc.read(ds, c -> list(c, "SELECT " + COLUMNS + " FROM scoring_model ORDER BY id DESC", null));
    }

    Optional<ModelVersion> get(long id) {
        return Jdbc.read(ds, c -> list(c, "SELECT " + COLUMNS + " FROM scoring_model WHERE id = ?", id)).stream().findFirst();
    }

    Optional<Long> activeId() {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM scoring_model WHERE state = 'ACTIVE'");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    TrainedModel load(long id) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT algorithm, features, meta, model_data FROM scoring_model WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no model " + id);
                    }
                    Meta meta = JSON.readValue(rs.getString("meta"), Meta.class);
                    List<String> features = JSON.readValue(rs.getString("features"), new TypeReference<List<String>>() { });
                    return TrainedModel.restore(rs.getString("algorithm"), Base64.getDecoder().decode(rs.getString("model_data")), features,
                            meta.types(), meta.missing(), new Isotonic(meta.calibrationX(), meta.calibrationY()), meta.cuts(), meta.means());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("model " + id + " cannot be read: " + e.getMessage(), e);
                }
            }
        });
    }

    /** Makes {@code id} the active model: the one active before becomes RETIRED (and is remembered for a rollback). */
    void activate(Connection c, long id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE scoring_model SET state = 'RETIRED' WHERE state = 'ACTIVE' AND id <> ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE scoring_model SET state = 'ACTIVE', promoted_at = ? WHERE id = ?")) {
            Jdbc.set(ps, 1, at);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private static List<ModelVersion> list(Connection c, String sql, Long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (id != null) {
                ps.setLong(1, id);
            }
            List<ModelVersion> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ModelVersion(rs.getLong("id"), rs.getString("name"), rs.getString("algorithm"), rs.getString("state"),
                            rs.getString("trained_by"), Jdbc.instant(rs, "trained_at"), rs.getString("window_from"), rs.getString("window_to"),
                            read(rs.getString("features"), new TypeReference<List<String>>() { }), rs.getString("provenance"),
                            rs.getString("split"), rs.getLong("train_rows"),
                            read(rs.getString("metrics"), new TypeReference<LinkedHashMap<String, ModelMetrics>>() { }),
                            Jdbc.instant(rs, "promoted_at")));
                }
            }
            return out;
        }
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
