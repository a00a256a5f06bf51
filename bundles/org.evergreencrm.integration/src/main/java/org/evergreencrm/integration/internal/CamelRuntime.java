package org.evergreencrm.integration.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteDefinitionHelper;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns Evergreen's one CamelContext (Camel embedded in this bundle) and publishes it as an OSGi service. Other
 * bundles contribute routes as {@link RouteBuilder} services: each is checked against the endpoint-scheme
 * allow-list, added when it passes (refused, with the offending endpoints logged and listed, when not), and removed
 * again when its service goes away — a plugin can come and go without restarting anything.
 */
@Component(service = CamelRuntime.class, immediate = true, configurationPid = "org.evergreencrm.integration")
@Designate(ocd = IntegrationConfig.class)
public final class CamelRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(CamelRuntime.class);

    /** What became of one contributed builder. */
    record Contribution(String builder, List<String> routeIds, Set<String> refusedEndpoints, String error) {
    }

    private final ModelCamelContext camel;
    private final RouteGuard guard;
    private final ServiceRegistration<CamelContext> registration;
    private final Map<RoutesBuilder, Contribution> contributions = new ConcurrentHashMap<>();

    @Activate
    public CamelRuntime(BundleContext context, IntegrationConfig config) throws Exception {
        this.guard = new RouteGuard(config.allowedSchemes());
        DefaultCamelContext ctx = new DefaultCamelContext();
        ctx.getCamelContextExtension().setName("evergreen");
        ctx.setApplicationContextClassLoader(CamelRuntime.class.getClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(CamelRuntime.class.getClassLoader());
        try {
            ctx.start();
        } finally {
            thread.setContextClassLoader(previous);
        }
        this.camel = ctx;
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("camel.context.name", "evergreen");
        this.registration = context.registerService(CamelContext.class, camel, props);
        synchronized (pending) {
            ready = true;
            pending.forEach(this::add);
            pending.clear();
        }
        LOG.info("Camel {} started; allowed endpoint schemes: {}", camel.getVersion(), guard.allowed());
    }

    private final List<RoutesBuilder> pending = new ArrayList<>();
    private volatile boolean ready;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeRoutes")
    void addRoutes(RoutesBuilder builder) {
        synchronized (pending) {
            if (!ready) {
                pending.add(builder);
                return;
            }
        }
        add(builder);
    }

    void removeRoutes(RoutesBuilder builder) {
        Contribution c = contributions.remove(builder);
        if (c == null || camel == null) {
            return;
        }
        for (String id : c.routeIds()) {
            try {
                camel.getRouteController().stopRoute(id);
                camel.removeRoute(id);
            } catch (Exception e) {
                LOG.warn("could not remove route {}: {}", id, e.getMessage());
            }
        }
        LOG.info("routes {} of {} removed", c.routeIds(), c.builder());
    }

    private void add(RoutesBuilder builder) {
        String name = builder.getClass().getName();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(CamelRuntime.class.getClassLoader());
        try {
            if (!(builder instanceof RouteBuilder rb)) {
                contributions.put(builder, new Contribution(name, List.of(), Set.of(), "only RouteBuilder services are accepted"));
                return;
            }
            List<RouteDefinition> routes = rb.configureRoutes(camel).getRoutes();
            Set<String> uris = new LinkedHashSet<>();
            for (RouteDefinition r : routes) {
                uris.addAll(RouteDefinitionHelper.gatherAllEndpointUris(camel, r, true, true, true));
            }
            Set<String> refused = guard.refused(uris);
            if (!refused.isEmpty()) {
                LOG.warn("routes of {} refused: endpoints {} use schemes outside the allow-list {}", name, refused, guard.allowed());
                contributions.put(builder, new Contribution(name, List.of(), refused, "endpoint schemes not allowed"));
                return;
            }
            camel.addRouteDefinitions(routes);
            List<String> ids = routes.stream().map(RouteDefinition::getRouteId).toList();
            contributions.put(builder, new Contribution(name, ids, Set.of(), null));
            LOG.info("routes {} of {} started", ids, name);
        } catch (Exception e) {
            LOG.warn("routes of {} could not be added: {}", name, e.getMessage());
            contributions.put(builder, new Contribution(name, List.of(), Set.of(), String.valueOf(e.getMessage())));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    CamelContext camel() {
        return camel;
    }

    List<Contribution> contributions() {
        return List.copyOf(contributions.values());
    }

    Set<String> allowedSchemes() {
        return guard.allowed();
    }

    @Deactivate
    void stop() {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // already gone with the bundle
        }
        camel.stop();
    }
}
