package org.evergreencrm.scoring.internal.model;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.evergreencrm.scoring.internal.data.FeatureSpec;
import org.evergreencrm.scoring.internal.data.TrainingSet;

/**
 * A row's values as named numbers for the learners: a number as itself, a category as {@code name=value} set to 1
 * (one-hot), a boolean as 0/1, a date as its hour, weekday and month; a missing value as {@code name:missing} = 1, so
 * "unknown" is information, not a zero.
 */
final class Encoder {
    private Encoder() {
    }

    static Map<String, Double> encode(TrainingSet set, TrainingSet.Row row) {
        return encode(set.features(), set.types(), java.util.Set.of(), row.values()); // read and typed already
    }

    /**
     * {@code values} as the training file had them or as a lead offers them: a text is read as the feature's type
     * first ("12.5" for a number, "yes" for a boolean), a number given for a category is its text.
     */
    static Map<String, Double> encode(List<String> features, Map<String, FeatureSpec.Type> types, java.util.Set<String> missing,
            Map<String, Object> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String f : features) {
            FeatureSpec.Type t = types.get(f);
            Object v = coerce(t, missing, values.get(f));
            if (v == null) {
                out.put(f + ":missing", 1.0);
                continue;
            }
            switch (t) {
                case NUMERIC -> out.put(f, (Double) v);
                case BOOLEAN -> out.put(f, ((Boolean) v) ? 1.0 : 0.0);
                case CATEGORICAL -> out.put(f + "=" + v, 1.0);
                case DATE -> {
                    LocalDateTime d = (LocalDateTime) v;
                    out.put(f + ":hour", (double) d.getHour());
                    out.put(f + ":weekday=" + d.getDayOfWeek(), 1.0);
                    out.put(f + ":month=" + d.getMonth(), 1.0);
                }
                default -> throw new IllegalStateException(t.toString());
            }
        }
        return out;
    }

    private static Object coerce(FeatureSpec.Type t, java.util.Set<String> missing, Object v) {
        if (v == null || (v instanceof String text && missing.contains(text.strip().toLowerCase(java.util.Locale.ROOT)))) {
            return null;
        }
        return switch (t) {
            case NUMERIC -> v instanceof Number n ? Double.valueOf(n.doubleValue()) : TrainingSet.parse(t, v.toString().strip());
            case BOOLEAN -> v instanceof Boolean ? v : TrainingSet.parse(t, v.toString().strip());
            case DATE -> v instanceof LocalDateTime ? v : TrainingSet.parse(t, v.toString().strip());
            case CATEGORICAL -> {
                String s = v.toString().strip();
                yield s.isEmpty() ? null : s;
            }
        };
    }

    /** The feature an encoded name came from ({@code source=referral} → {@code source}). */
    static String featureOf(String encoded, List<String> features) {
        String best = encoded;
        int bestLength = -1;
        for (String f : features) {
            if (f.length() > bestLength && encoded.startsWith(f)
                    && (encoded.length() == f.length() || encoded.charAt(f.length()) == '=' || encoded.charAt(f.length()) == ':')) {
                best = f;
                bestLength = f.length();
            }
        }
        return best;
    }

    static String[] names(Map<String, Double> m) {
        return m.keySet().toArray(new String[0]);
    }

    static double[] values(Map<String, Double> m) {
        List<Double> v = new ArrayList<>(m.values());
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }
}
