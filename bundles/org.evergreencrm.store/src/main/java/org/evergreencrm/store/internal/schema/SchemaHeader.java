package org.evergreencrm.store.internal.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Evergreen-Schema} manifest header: the changelog's path, and optionally the bundles whose schemas must
 * be applied first, e.g. {@code db/roofing/changelog.xml;after:="org.evergreencrm.leads"}. The store's own schema
 * always comes first and need not be named.
 */
record SchemaHeader(String changelog, List<String> after) {

    static SchemaHeader parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String[] parts = header.split(";");
        String changelog = parts[0].trim();
        if (changelog.startsWith("/")) {
            changelog = changelog.substring(1);
        }
        List<String> after = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf(":=");
            if (eq > 0 && "after".equals(p.substring(0, eq).trim())) {
                String v = p.substring(eq + 2).trim();
                if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
                    v = v.substring(1, v.length() - 1);
                }
                for (String name : v.split(",")) {
                    if (!name.isBlank()) {
                        after.add(name.trim());
                    }
                }
            }
        }
        return changelog.isEmpty() ? null : new SchemaHeader(changelog, List.copyOf(after));
    }
}
