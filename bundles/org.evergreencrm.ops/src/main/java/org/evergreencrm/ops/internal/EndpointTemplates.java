package org.evergreencrm.ops.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The endpoint a request went to, as a template with bounded cardinality: path segments that carry a digit (ids,
 * phone numbers) become {@code {id}}, answers 404 are counted as {@code NOT_FOUND}, and past {@code max} distinct
 * templates the rest are {@code OTHER} — so nobody can blow up the metrics by requesting random paths.
 */
final class EndpointTemplates {
    private final int max;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    EndpointTemplates(int max) {
        this.max = max;
    }

    String of(String path, int status) {
        if (status == 404 || path == null) {
            return "NOT_FOUND";
        }
        StringBuilder t = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            t.append('/').append(segment.chars().anyMatch(Character::isDigit) && !segment.equals("v1") ? "{id}" : segment);
        }
        String template = t.length() == 0 ? "/" : t.toString();
        if (seen.contains(template)) {
            return template;
        }
        if (seen.size() >= max) {
            return "OTHER";
        }
        seen.add(template);
        return template;
    }
}
