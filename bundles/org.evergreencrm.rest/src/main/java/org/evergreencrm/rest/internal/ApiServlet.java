package org.evergreencrm.rest.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.ServletConfig;

import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.rest.internal.problem.CrmExceptionMapper;
import org.evergreencrm.rest.internal.problem.FallbackExceptionMapper;
import org.evergreencrm.rest.internal.problem.JsonExceptionMapper;
import org.evergreencrm.rest.internal.problem.WebApplicationExceptionMapper;
import org.evergreencrm.api.dedup.DedupEvaluation;
import org.evergreencrm.api.dedup.DedupJobs;
import org.evergreencrm.api.dedup.MergeService;
import org.evergreencrm.api.store.DedupRepository;
import org.evergreencrm.api.compliance.ComplianceService;
import org.evergreencrm.api.queue.CallQueue;
import org.evergreencrm.rest.internal.resources.ComplianceResource;
import org.evergreencrm.rest.internal.resources.ContactResource;
import org.evergreencrm.rest.internal.resources.QueueResource;
import org.evergreencrm.api.lead.LeadIntake;
import org.evergreencrm.rest.internal.resources.LeadResource;
import org.evergreencrm.rest.internal.resources.DuplicateResource;
import org.evergreencrm.rest.internal.resources.OpenApiResource;
import org.evergreencrm.rest.internal.resources.UserResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * The REST API: one CXF JAX-RS application at {@code /api/v1}, served by this servlet on the HTTP whiteboard
 * at {@code /api/*}. Exception mappers, the JSON provider and the authentication filter are registered here
 * once, for every resource.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/api/*",
    "osgi.http.whiteboard.servlet.name=evergreen-api"})
public final class ApiServlet extends CXFNonSpringServlet {
    private static final long serialVersionUID = 1L;
    private final transient ContactService contacts;
    private final transient UserService users;
    private final transient ActorCache actors;
    private transient Server server;
    private final transient java.util.concurrent.atomic.AtomicReference<org.evergreencrm.api.security.WebSessions> sessions =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final transient java.util.concurrent.atomic.AtomicReference<org.evergreencrm.api.platform.PluginCatalog> plugins =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final transient java.util.concurrent.atomic.AtomicReference<org.evergreencrm.api.address.AddressService> addresses =
            new java.util.concurrent.atomic.AtomicReference<>();

    private final transient DedupJobs jobs;
    private final transient DedupRepository candidates;
    private final transient MergeService merges;
    private final transient DedupEvaluation evaluation;
    private final transient CallQueue queue;
    private final transient ComplianceService compliance;
    private final transient LeadIntake leads;
    private final transient org.evergreencrm.api.lead.LeadRouting routing;
    private final transient org.evergreencrm.api.schedule.TaskScheduler scheduler;
    private final transient org.evergreencrm.api.timeline.TimelineService timeline;

    @Activate
    public ApiServlet(@Reference ContactService contacts, @Reference UserService users, @Reference ActorCache actors,
            @Reference DedupJobs jobs, @Reference DedupRepository queue, @Reference MergeService merges,
            @Reference DedupEvaluation evaluation, @Reference CallQueue callQueue,
            @Reference ComplianceService compliance, @Reference LeadIntake leads,
            @Reference org.evergreencrm.api.lead.LeadRouting routing,
            @Reference org.evergreencrm.api.schedule.TaskScheduler scheduler,
            @Reference org.evergreencrm.api.timeline.TimelineService timeline) {
        this.scheduler = scheduler;
        this.timeline = timeline;
        this.leads = leads;
        this.routing = routing;
        this.evaluation = evaluation;
        this.queue = callQueue;
        this.compliance = compliance;
        this.contacts = contacts;
        this.users = users;
        this.actors = actors;
        this.jobs = jobs;
        this.candidates = queue;
        this.merges = merges;
    }

    /** The console's sessions: cookie sign-in works while the console bundle runs. */
    @org.osgi.service.component.annotations.Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    void bindSessions(org.evergreencrm.api.security.WebSessions s) {
        sessions.set(s);
    }

    void unbindSessions(org.evergreencrm.api.security.WebSessions s) {
        sessions.compareAndSet(s, null);
    }

    @org.osgi.service.component.annotations.Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    void bindPlugins(org.evergreencrm.api.platform.PluginCatalog p) {
        plugins.set(p);
    }

    void unbindPlugins(org.evergreencrm.api.platform.PluginCatalog p) {
        plugins.compareAndSet(p, null);
    }

    /** Addresses: the endpoints answer 503 while the address bundle is not running. */
    @org.osgi.service.component.annotations.Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    void bindAddresses(org.evergreencrm.api.address.AddressService a) {
        addresses.set(a);
    }

    void unbindAddresses(org.evergreencrm.api.address.AddressService a) {
        addresses.compareAndSet(a, null);
    }

    /** Enrichment: the endpoints answer 503 while the enrichment bundle is not running. */
    @org.osgi.service.component.annotations.Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    void bindEnrichment(org.evergreencrm.api.enrichment.EnrichmentService e) {
        enrichment.set(e);
    }

    void unbindEnrichment(org.evergreencrm.api.enrichment.EnrichmentService e) {
        enrichment.compareAndSet(e, null);
    }

    private final transient java.util.concurrent.atomic.AtomicReference<org.evergreencrm.api.enrichment.EnrichmentService> enrichment =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** Scoring: the endpoints answer 503 while the scoring plugin is not installed. */
    @org.osgi.service.component.annotations.Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    void bindScoring(org.evergreencrm.api.scoring.ScoringService s) {
        scoring.set(s);
    }

    void unbindScoring(org.evergreencrm.api.scoring.ScoringService s) {
        scoring.compareAndSet(s, null);
    }

    private final transient java.util.concurrent.atomic.AtomicReference<org.evergreencrm.api.scoring.ScoringService> scoring =
            new java.util.concurrent.atomic.AtomicReference<>();

    @Override
    protected void loadBus(ServletConfig config) {
        super.loadBus(config);
        Bus bus = getBus();
        Set<Class<?>> documented = new LinkedHashSet<>(List.of(ContactResource.class, UserResource.class,
                DuplicateResource.class, QueueResource.class, ComplianceResource.class, LeadResource.class,
                org.evergreencrm.rest.internal.resources.ScheduleResource.class,
                org.evergreencrm.rest.internal.resources.TimelineResource.class,
                org.evergreencrm.rest.internal.resources.TaskResource.class,
                org.evergreencrm.rest.internal.resources.SessionResource.class,
                org.evergreencrm.rest.internal.resources.PluginResource.class,
                org.evergreencrm.rest.internal.resources.AddressResource.class,
                org.evergreencrm.rest.internal.resources.EnrichmentResource.class,
                org.evergreencrm.rest.internal.resources.ScoringResource.class));
        PasswordLogin passwords = new PasswordLogin(users);
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress("/v1");
        factory.setResourceProviders(List.of(
                new SingletonResourceProvider(new ContactResource(contacts)),
                new SingletonResourceProvider(new UserResource(users)),
                new SingletonResourceProvider(new DuplicateResource(jobs, candidates, merges, evaluation)),
                new SingletonResourceProvider(new QueueResource(queue)),
                new SingletonResourceProvider(new ComplianceResource(compliance)),
                new SingletonResourceProvider(new LeadResource(leads, routing, contacts)),
                new SingletonResourceProvider(new org.evergreencrm.rest.internal.resources.ScheduleResource(scheduler)),
                new SingletonResourceProvider(new org.evergreencrm.rest.internal.resources.TimelineResource(timeline)),
                new SingletonResourceProvider(new org.evergreencrm.rest.internal.resources.TaskResource(timeline)),
                new SingletonResourceProvider(new org.evergreencrm.rest.internal.resources.SessionResource(users, passwords, sessions::get)),
                new SingletonResourceProvider(new org.evergreencrm.rest.internal.resources.PluginResource(plugins::get)),
                new SingletonResourceProvider(new org.evergreencrm.rest.internal.resources.AddressResource(addresses::get)),
                new SingletonResourceProvider(new org.evergreencrm.rest.internal.resources.EnrichmentResource(enrichment::get)),
                new SingletonResourceProvider(new org.evergreencrm.rest.internal.resources.ScoringResource(scoring::get)),
                new SingletonResourceProvider(new OpenApiResource(documented))));
        factory.setProviders(List.of(
                new JacksonJsonProvider(JsonMapper.create()),
                new AuthenticationFilter(users, actors, passwords, sessions::get),
                new CrmExceptionMapper(),
                new JsonExceptionMapper(),
                new WebApplicationExceptionMapper(),
                new FallbackExceptionMapper()));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Bus.class.getClassLoader());
        try {
            server = factory.create();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Only {@code /api/v1/...} is the API: CXF's own pages for other paths (its service list at {@code /api/}, its
     * HTML "No service was found") are never shown.
     */
    @Override
    protected void invoke(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response)
            throws javax.servlet.ServletException {
        String path = request.getPathInfo();
        if (path == null || !path.startsWith("/v1/")) {
            try {
                response.setStatus(404);
                response.setContentType("application/problem+json;charset=utf-8");
                response.getOutputStream().write("{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404,\"detail\":\"no such resource; the API is under /api/v1/\"}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new javax.servlet.ServletException(e);
            }
            return;
        }
        super.invoke(request, response);
    }

    @Deactivate
    void stop() {
        if (server != null) {
            server.destroy();
        }
    }
}
