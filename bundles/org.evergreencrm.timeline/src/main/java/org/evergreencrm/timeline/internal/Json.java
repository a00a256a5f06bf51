package org.evergreencrm.timeline.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small JSON object for an activity's payload, from name/value pairs ({@code null} values left out). */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String of(Object... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object v = namesAndValues[i + 1];
            if (v != null) {
                m.put(String.valueOf(namesAndValues[i]), v instanceof java.time.temporal.Temporal ? v.toString() : v);
            }
        }
        try {
            return MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code true} when the text is one JSON object. */
    static boolean isObject(String text) {
        try {
            return MAPPER.readTree(text).isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
