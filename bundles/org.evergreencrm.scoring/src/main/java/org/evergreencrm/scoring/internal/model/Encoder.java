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
        Map<String, Double> out = new LinkedHashMap<>();
        for (String f : set.features()) {
            Object v = row.values().get(f);
            if (v == null) {
                out.put(f + ":missing", 1.0);
                continue;
            }
            FeatureSpec.Type t = set.types().get(f);
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
