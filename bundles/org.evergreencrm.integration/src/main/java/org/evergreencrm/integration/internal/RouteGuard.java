package org.evergreencrm.integration.internal;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The endpoint-scheme allow-list: which schemes a contributed route may read from or send to. */
final class RouteGuard {
    private final Set<String> allowed;

    RouteGuard(String csv) {
        Set<String> s = new TreeSet<>();
        for (String part : csv.split(",")) {
            if (!part.isBlank()) {
                s.add(part.trim().toLowerCase(Locale.ROOT));
            }
        }
        this.allowed = Set.copyOf(s);
    }

    Set<String> allowed() {
        return allowed;
    }

    /** The endpoint URIs whose scheme is not allowed (empty when the route may run). */
    Set<String> refused(Iterable<String> uris) {
        Set<String> out = new TreeSet<>();
        for (String uri : uris) {
            if (!allowed.contains(scheme(uri))) {
                out.add(uri);
            }
        }
        return out;
    }

    static String scheme(String uri) {
        int colon = uri.indexOf(':');
        return (colon < 0 ? uri : uri.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
    }
}
