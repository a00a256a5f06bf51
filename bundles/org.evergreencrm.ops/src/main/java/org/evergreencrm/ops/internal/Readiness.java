package org.evergreencrm.ops.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.evergreencrm.api.store.StoreInfo;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Whether this node can serve: the database answers, the schema is applied (the store publishes {@link StoreInfo}
 * only after every migration succeeded), and every Evergreen bundle is active. Each check says only "up" or
 * "down" and, when down, which bundle is not active — nothing about versions, URLs or data.
 */
final class Readiness {
    static final String PREFIX = "org.evergreencrm.";

    record Result(boolean ready, Map<String, String> checks) {
    }

    private Readiness() {
    }

    static Result check(StoreInfo store, BundleContext context) {
        Map<String, String> checks = new LinkedHashMap<>();
        boolean db;
        try {
            db = store != null && store.ping();
        } catch (RuntimeException e) {
            db = false;
        }
        checks.put("database", db ? "up" : "down");
        checks.put("schema", store != null ? "applied" : "not applied");
        List<String> inactive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String name = b.getSymbolicName();
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (name != null && name.startsWith(PREFIX) && !fragment && b.getState() != Bundle.ACTIVE) {
                inactive.add(name.substring(PREFIX.length()));
            }
        }
        checks.put("bundles", inactive.isEmpty() ? "active" : "not active: " + String.join(", ", inactive));
        return new Result(db && store != null && inactive.isEmpty(), checks);
    }
}
