package org.evergreencrm.scoring.internal.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * How a CSV of historical outcomes is read for training (a JSON or YAML file): the outcome column and its positive
 * value(s), each feature's type (and whether it is known only after the outcome), the columns to drop, an optional
 * date column (for a time-ordered split), and the values that mean "missing".
 * <pre>
 * outcome: y
 * positive: [yes]
 * date: contact_date
 * features:
 *   age: numeric
 *   job: categorical
 *   duration: {type: numeric, afterOutcome: true}
 * drop: [id]
 * </pre>
 */
public record Mapping(String outcome, Set<String> positive, Map<String, FeatureSpec> features, Set<String> drop, String date,
        Set<String> missing) {
    public static final Set<String> DEFAULT_MISSING = Set.of("", "unknown", "na", "n/a", "nan", "null", "none", "?", "-");

    /** Reads JSON (a file starting with {@code {}) or YAML; problems are named by the key at fault. */
    public static Mapping read(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).strip();
        ObjectMapper mapper = text.startsWith("{") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MappingException("mapping", "not valid JSON or YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MappingException("mapping", "must be an object with outcome, positive and features");
        }
        String outcome = text(root, "outcome");
        if (outcome == null) {
            throw new MappingException("outcome", "is required: the column holding the outcome");
        }
        Set<String> positive = set(root.get("positive"), "positive");
        if (positive.isEmpty()) {
            throw new MappingException("positive", "is required: the outcome value(s) that count as a success");
        }
        JsonNode fs = root.get("features");
        if (fs == null || !fs.isObject() || fs.isEmpty()) {
            throw new MappingException("features", "is required: each feature column with its type");
        }
        Map<String, FeatureSpec> features = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) fs::fields) {
            JsonNode v = e.getValue();
            String type = v.isTextual() ? v.asText() : text(v, "type");
            boolean after = v.isObject() && v.path("afterOutcome").asBoolean(false);
            FeatureSpec.Type t;
            try {
                t = FeatureSpec.Type.valueOf(type == null ? "" : type.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException bad) {
                throw new MappingException("features." + e.getKey(), "type must be numeric, categorical, date or boolean, not " + type);
            }
            if (e.getKey().equals(outcome)) {
                throw new MappingException("features." + e.getKey(), "is the outcome column");
            }
            features.put(e.getKey(), new FeatureSpec(e.getKey(), t, after));
        }
        Set<String> drop = set(root.get("drop"), "drop");
        Set<String> missing = root.has("missing") ? lower(set(root.get("missing"), "missing")) : DEFAULT_MISSING;
        return new Mapping(outcome, positive, features, drop, text(root, "date"), missing);
    }

    /** Whether a raw cell means "no value". */
    public boolean isMissing(String cell) {
        return cell == null || missing.contains(cell.strip().toLowerCase(Locale.ROOT));
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }

    private static Set<String> set(JsonNode n, String key) {
        Set<String> out = new LinkedHashSet<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(x -> out.addAll(spellings(x)));
        } else if (n.isValueNode()) {
            out.addAll(spellings(n));
        } else {
            throw new MappingException(key, "must be a value or a list");
        }
        return out;
    }

    /**
     * A value as the file may have spelled it: YAML 1.1 reads an unquoted {@code yes}, {@code no}, {@code on} or
     * {@code off} as a boolean, so a boolean stands for each spelling of itself ("positive: yes" means the cell "yes").
     */
    private static List<String> spellings(JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean() ? List.of("true", "yes", "y", "on") : List.of("false", "no", "n", "off");
        }
        return List.of(v.asText().strip());
    }

    private static Set<String> lower(Set<String> s) {
        List<String> out = new ArrayList<>();
        s.forEach(x -> out.add(x.toLowerCase(Locale.ROOT)));
        return new LinkedHashSet<>(out);
    }

    /** A mapping that cannot be used, naming the key at fault. */
    public static final class MappingException extends IllegalArgumentException {
        private final String field;

        public MappingException(String field, String message) {
            super(field + ": " + message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
