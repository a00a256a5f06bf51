package org.evergreencrm.ops.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.evergreencrm.api.store.BundleSchema;
import org.evergreencrm.api.store.StoreInfo;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Whether this node can serve: the database answers, every bundle's schema is applied (the store's own before it
 * publishes {@link StoreInfo}, the others' as the schema extender reports them), and every Evergreen bundle is active. Each check says only "up" or
 * "down" and, when down, which bundle is not active — nothing about versions, URLs or data.
 */
final class Readiness {
    static final String PREFIX = "org.evergreencrm.";
    private static final String API_NAME_PROPERTY = "osgi.http.whiteboard.servlet.name";

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
        List<String> unapplied = new ArrayList<>();
        if (store != null) {
            for (BundleSchema schema : store.schemas()) {
                if (schema.state() != BundleSchema.State.APPLIED) {
                    unapplied.add(shortName(schema.bundle()));
                }
            }
        }
        boolean schema = store != null && unapplied.isEmpty();
        checks.put("schema", store == null ? "not applied" : schema ? "applied" : "not applied: " + String.join(", ", unapplied));
        List<String> inactive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String name = b.getSymbolicName();
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (name != null && name.startsWith(PREFIX) && !fragment && b.getState() != Bundle.ACTIVE) {
                inactive.add(shortName(name));
            }
        }
        checks.put("bundles", inactive.isEmpty() ? "active" : "not active: " + String.join(", ", inactive));
        // a bundle can be active while its components still wait for services: the REST API is there when its servlet is
        boolean api = apiRegistered(context);
        checks.put("api", api ? "up" : "down");
        return new Result(db && schema && inactive.isEmpty() && api, checks);
    }

    private static boolean apiRegistered(BundleContext context) {
        try {
            return !context.getServiceReferences(javax.servlet.Servlet.class, "(" + API_NAME_PROPERTY + "=evergreen-api)").isEmpty();
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shortName(String bundle) {
        return bundle.startsWith(PREFIX) ? bundle.substring(PREFIX.length()) : bundle;
    }
}
