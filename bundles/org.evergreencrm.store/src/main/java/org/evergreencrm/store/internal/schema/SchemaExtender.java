package org.evergreencrm.store.internal.schema;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.evergreencrm.api.store.BundleSchema.State;
import org.evergreencrm.api.store.SchemaReady;
import org.evergreencrm.store.internal.JpaStore;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema extender: when a bundle that names a changelog in its {@code Evergreen-Schema} header starts, applies
 * what is new in it, then publishes that bundle's {@link SchemaReady}, which its components reference. Bundles
 * are migrated one at a time on one worker (and Liquibase's lock table serializes nodes), in dependency order:
 * the store's own schema first, then each bundle after those it names with {@code after:=}. A failed migration
 * leaves the bundle's schema unpublished, so its components stay down, and says why in {@code crm:status} and the
 * log; restarting the bundle tries again. A bundle that stops or is uninstalled loses its {@link SchemaReady}; its
 * tables and data stay, and a later start applies only change sets not yet applied.
 */
@Component(immediate = true)
public final class SchemaExtender {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaExtender.class);
    private final BundleContext context;
    private final JpaStore store;
    private final SchemaBoard board;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "evergreen-schema");
        t.setDaemon(true);
        return t;
    });
    /** Touched only on the worker thread. */
    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    private final Map<String, ServiceRegistration<SchemaReady>> published = new LinkedHashMap<>();
    private final BundleTracker<SchemaHeader> tracker;

    private record Pending(Bundle bundle, String name, SchemaHeader header) {
    }

    private record Ready(String bundle, String changelog) implements SchemaReady {
    }

    @Activate
    public SchemaExtender(BundleContext context, @Reference JpaStore store) {
        this.context = context;
        this.store = store;
        this.board = store.schemaBoard();
        Bundle self = context.getBundle();
        worker.execute(() -> publish(self.getSymbolicName(), JpaStore.OWN_CHANGELOG));
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public SchemaHeader addingBundle(Bundle bundle, BundleEvent event) {
                if (bundle.getBundleId() == self.getBundleId()) {
                    return null;
                }
                SchemaHeader header = SchemaHeader.parse(bundle.getHeaders("").get(SchemaReady.HEADER));
                if (header == null) {
                    return null;
                }
                worker.execute(() -> arrived(bundle, header));
                return header;
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, SchemaHeader header) {
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, SchemaHeader header) {
                worker.execute(() -> left(bundle));
            }
        });
        tracker.open();
    }

    @Deactivate
    void close() {
        tracker.close();
        worker.shutdown();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ServiceRegistration<SchemaReady> r : published.values()) {
            unregister(r);
        }
        published.clear();
    }

    private void arrived(Bundle bundle, SchemaHeader header) {
        String name = bundle.getSymbolicName();
        pending.put(bundle.getBundleId(), new Pending(bundle, name, header));
        board.put(name, header.changelog(), State.WAITING, 0, "");
        drain();
    }

    private void left(Bundle bundle) {
        Pending p = pending.remove(bundle.getBundleId());
        String name = p != null ? p.name() : bundle.getSymbolicName();
        ServiceRegistration<SchemaReady> r = published.remove(name);
        if (r != null) {
            unregister(r);
        }
        board.remove(name);
        // a bundle waiting for this one keeps waiting, and says so
        drain();
    }

    /** Migrates every pending bundle whose predecessors are applied, until no more can go. */
    private void drain() {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Pending p : new ArrayList<>(pending.values())) {
                List<String> missing = new ArrayList<>();
                for (String before : p.header().after()) {
                    if (!published.containsKey(before)) {
                        missing.add(before);
                    }
                }
                if (!missing.isEmpty()) {
                    board.put(p.name(), p.header().changelog(), State.WAITING, 0,
                            "waits for the schema of " + String.join(", ", missing));
                    continue;
                }
                pending.remove(p.bundle().getBundleId());
                migrate(p);
                progress = true;
            }
        }
    }

    private void migrate(Pending p) {
        int state = p.bundle().getState();
        if ((state & (Bundle.STARTING | Bundle.ACTIVE)) == 0) {
            return; // it stopped meanwhile; its removal is queued
        }
        BundleWiring wiring = p.bundle().adapt(BundleWiring.class);
        if (wiring == null) {
            return;
        }
        long start = System.nanoTime();
        try {
            int applied = store.migrator().migrate(p.header().changelog(), wiring.getClassLoader());
            board.put(p.name(), p.header().changelog(), State.APPLIED, applied, "");
            LOG.info("Schema of {} up to date ({} change sets applied, {} ms)", p.name(), applied,
                    (System.nanoTime() - start) / 1_000_000);
            publish(p.name(), p.header().changelog());
        } catch (RuntimeException e) {
            String why = shortMessage(e);
            board.put(p.name(), p.header().changelog(), State.FAILED, 0, why);
            LOG.error("Schema of {} NOT applied; its services stay down until the bundle is restarted: {}", p.name(), why, e);
        }
    }

    private void publish(String bundle, String changelog) {
        if (bundle.equals(context.getBundle().getSymbolicName())) {
            board.put(bundle, changelog, State.APPLIED, store.ownChangeSetsApplied(), "");
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(SchemaReady.BUNDLE_PROPERTY, bundle);
        try {
            published.put(bundle, context.registerService(SchemaReady.class, new Ready(bundle, changelog), props));
        } catch (IllegalStateException e) {
            // this bundle is stopping
        }
    }

    private static void unregister(ServiceRegistration<SchemaReady> r) {
        try {
            r.unregister();
        } catch (IllegalStateException e) {
            // already gone with the store
        }
    }

    /** The innermost cause that says something, one line, bounded. */
    static String shortMessage(Throwable e) {
        String best = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                best = t.getMessage();
            }
        }
        best = best == null ? e.getClass().getSimpleName() : best.replaceAll("\\s+", " ").trim();
        return best.length() > 400 ? best.substring(0, 400) + "…" : best;
    }
}
