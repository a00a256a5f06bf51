package org.evergreencrm.leads.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.evergreencrm.api.ValidationException;

/**
 * A provider's field names to ours, from {@code fieldMap = firstName=fname, lastName=lname, phone=tel}
 * (ourField=theirField). Fields it does not name pass through unchanged, so nothing a provider sent is dropped.
 */
final class FieldMap {
    private final Map<String, String> theirsToOurs;

    private FieldMap(Map<String, String> theirsToOurs) {
        this.theirsToOurs = Map.copyOf(theirsToOurs);
    }

    static FieldMap parse(String text) {
        Map<String, String> m = new HashMap<>();
        for (String pair : text == null ? new String[0] : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new ValidationException("fieldMap", "\"" + pair.trim() + "\" is not ourField=theirField");
            }
            m.put(kv[1].trim(), kv[0].trim());
        }
        return new FieldMap(m);
    }

    Map<String, String> map(Map<String, String> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(theirsToOurs.getOrDefault(k, k), v));
        return out;
    }
}
