package org.evergreencrm.store.internal.schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.evergreencrm.api.store.BundleSchema;
import org.evergreencrm.api.store.BundleSchema.State;

/** Where each bundle's schema stands, as {@code crm:status} and {@code /health/ready} read it. The store's own first. */
public final class SchemaBoard {
    private final String storeBundle;
    private final Map<String, BundleSchema> byBundle = new ConcurrentHashMap<>();

    public SchemaBoard(String storeBundle) {
        this.storeBundle = storeBundle;
    }

    public void put(String bundle, String changelog, State state, int newlyApplied, String message) {
        byBundle.put(bundle, new BundleSchema(bundle, changelog, state, newlyApplied, message == null ? "" : message, Instant.now()));
    }

    public void remove(String bundle) {
        byBundle.remove(bundle);
    }

    public BundleSchema get(String bundle) {
        return byBundle.get(bundle);
    }

    public List<BundleSchema> all() {
        List<BundleSchema> out = new ArrayList<>(byBundle.values());
        out.sort(Comparator.comparing((BundleSchema s) -> !s.bundle().equals(storeBundle)).thenComparing(BundleSchema::bundle));
        return out;
    }
}
