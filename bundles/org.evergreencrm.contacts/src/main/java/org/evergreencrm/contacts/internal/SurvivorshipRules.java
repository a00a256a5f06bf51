package org.evergreencrm.contacts.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which side wins a single-valued field in a merge. Configurable per field ({@code org.evergreencrm.merge}):
 * MOST_RECENT (the more recently updated non-empty value), MOST_COMPLETE (the longer / fuller non-empty value),
 * SOURCE_PRIORITY (the value from the record whose lead source ranks first in {@code sourcePriority}, ties to the more
 * recent), SURVIVOR (the survivor's unless it is empty). Lists (phones, e-mails, tags) always keep both sides.
 */
record SurvivorshipRules(Rule defaultRule, Map<String, Rule> perField, List<String> sourcePriority) {
    enum Rule {
        MOST_RECENT, MOST_COMPLETE, SOURCE_PRIORITY, SURVIVOR
    }

    static final Set<String> FIELDS = Set.of("firstName", "lastName", "householdName", "address", "source", "ownerId", "status");

    static SurvivorshipRules defaults() {
        return new SurvivorshipRules(Rule.MOST_RECENT, Map.of(), List.of());
    }

    Rule ruleFor(String field) {
        return perField.getOrDefault(field, defaultRule);
    }

    /**
     * @param entries "field=RULE" entries
     * @throws IllegalArgumentException naming the first bad entry
     */
    static SurvivorshipRules parse(String defaultRule, String[] entries, String[] sourcePriority) {
        Map<String, Rule> perField = new HashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            String[] kv = entry.split("=", 2);
            if (kv.length != 2 || !FIELDS.contains(kv[0].trim())) {
                throw new IllegalArgumentException("fieldRules entry '" + entry + "': expected field=RULE with field one of " + FIELDS);
            }
            perField.put(kv[0].trim(), rule(kv[1], "fieldRules entry '" + entry + "'"));
        }
        return new SurvivorshipRules(rule(defaultRule, "defaultRule"), perField,
                sourcePriority == null ? List.of() : List.of(sourcePriority).stream().map(String::trim).toList());
    }

    private static Rule rule(String name, String where) {
        try {
            return Rule.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": '" + name + "' is not one of " + List.of(Rule.values()), e);
        }
    }
}
