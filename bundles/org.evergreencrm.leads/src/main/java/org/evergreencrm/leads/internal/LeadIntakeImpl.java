package org.evergreencrm.leads.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.ConflictException;
import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.lead.DeadLetter;
import org.evergreencrm.api.lead.IncomingLead;
import org.evergreencrm.api.lead.IntakeResult;
import org.evergreencrm.api.lead.Lead;
import org.evergreencrm.api.lead.LeadEnricher;
import org.evergreencrm.api.lead.LeadImport;
import org.evergreencrm.api.lead.LeadIntake;
import org.evergreencrm.api.lead.LeadRouting;
import org.evergreencrm.api.lead.LeadRoutingStrategy;
import org.evergreencrm.api.lead.LeadScorer;
import org.evergreencrm.api.lead.RepAvailability;
import org.evergreencrm.api.queue.CallQueue;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.api.store.SchemaReady;
import org.evergreencrm.leads.internal.routing.LeadRouter;
import org.evergreencrm.leads.internal.routing.RoutingConfig;
import org.evergreencrm.leads.internal.routing.RoutingStore;
import org.evergreencrm.leads.internal.routing.ZipCentroids;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lead intake: contributes the intake route to the CamelContext and sends every lead through it, one at a time or
 * in batches. A lead the pipeline refuses or fails on is kept as a dead letter with the reason (and can be replayed);
 * nothing is dropped. Also the routing chain's service (its rules, the reps' availability).
 */
@Component(service = {LeadIntake.class, LeadRouting.class}, configurationPid = "org.evergreencrm.leads")
@Designate(ocd = LeadsConfig.class)
public final class LeadIntakeImpl implements LeadIntake, LeadRouting {
    private static final Logger LOG = LoggerFactory.getLogger(LeadIntakeImpl.class);
    private final LeadStore store;
    private final DeadLetterStore deadLetters;
    private final LeadQueries queries;
    private final DataSource ds;
    private final ProducerTemplate producer;
    private final ServiceRegistration<RoutesBuilder> routes;
    private final Clock clock = Clock.systemUTC();
    private final LeadRouter router;
    private final RepAvailabilities availability;
    private final LeadImports imports;
    private final SlaWatch sla;
    /** The SLA watch, offered to the platform scheduler. */
    private final ServiceRegistration<org.evergreencrm.api.schedule.RecurringTask> slaTask;
    /** The contact access rule: a lead is read as its contact is. */
    private final ContactService contacts;
    /** Single submissions that arrive together go in together (one batch, one transaction). */
    private final Coalescer coalescer;
    private volatile EventAdmin events;
    private volatile CallQueue queue;
    /** The address bundle's ZIP directory, when it runs: placed leads for branch radii (docs/address.md). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.evergreencrm.api.address.ZipDirectory zipDirectory;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<LeadEnricher> enrichers = List.of();
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<LeadScorer> scorers = List.of();
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<LeadRoutingStrategy> strategies = List.of();

    private final List<org.evergreencrm.api.lead.BranchOffice> routingBranches;

    @Activate
    public LeadIntakeImpl(BundleContext context, @Reference CamelContext camel,
            @Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds, @Reference(target = "(evergreen.schema=org.evergreencrm.leads)") SchemaReady schemaReady,
            @Reference(target = "(evergreen.schema=org.evergreencrm.queue)") SchemaReady attemptsSchema, // the SLA watch reads call attempts
            @Reference ContactService contacts, @Reference UserService users, @Reference LeadImports imports, LeadsConfig config,
            Map<String, Object> properties) {
        this.imports = imports;
        this.contacts = contacts;
        this.store = new LeadStore(ds);
        this.deadLetters = new DeadLetterStore(ds);
        this.queries = new LeadQueries(ds, store, deadLetters, new FeedStates(ds), contacts, clock);
        this.ds = ds;
        RoutingConfig routing = RoutingConfig.from(properties);
        this.routingBranches = routing.branches().values().stream()
                .map(b -> new org.evergreencrm.api.lead.BranchOffice(b.name(), b.at(), b.radiusMiles(), b.reps())).toList();
        RoutingStore routingStore = new RoutingStore(ds);
        ZipCentroids zips = ZipCentroids.configured(routing.zipCentroidsFile()).withDirectory(() -> zipDirectory);
        this.router = new LeadRouter(routing, routingStore, users, zips, this::strategiesByName, clock);
        this.availability = new RepAvailabilities(routingStore, users, clock);
        OptionalSteps optional = new OptionalSteps(() -> highestFirst(enrichers), () -> highestFirst(scorers), contacts, zips);
        LeadPipeline steps = new LeadPipeline(store, contacts, router, optional, () -> events, () -> queue, config.intakeBucket(), clock);
        this.routes = context.registerService(RoutesBuilder.class, new IntakeRoutes(steps, config.dropFolder(),
                new DropFiles(this, "file-drop", config.dropIdField(), FieldMap.parse(""), config.batchSize(), imports)), null);
        this.producer = camel.createProducerTemplate();
        this.coalescer = new Coalescer(this::process, config.batchSize());
        this.sla = config.slaSeconds() > 0
                ? new SlaWatch(store, contacts, router, () -> events, config.slaSeconds(), config.slaAction(), clock)
                : null;
        this.slaTask = sla == null ? null
                : context.registerService(org.evergreencrm.api.schedule.RecurringTask.class, sla.asTask(), null);
    }

    /** DS hands dynamic lists lowest ranking first; the steps run highest first. */
    private static <T> List<T> highestFirst(List<T> bound) {
        List<T> out = new ArrayList<>(bound);
        java.util.Collections.reverse(out);
        return out;
    }

    private Map<String, LeadRoutingStrategy> strategiesByName() {
        Map<String, LeadRoutingStrategy> out = new HashMap<>();
        for (LeadRoutingStrategy s : highestFirst(strategies)) {
            out.putIfAbsent(s.name().toLowerCase(java.util.Locale.ROOT), s);
        }
        return out;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unsetEvents")
    void setEvents(EventAdmin e) {
        events = e;
    }

    void unsetEvents(EventAdmin e) {
        if (events == e) {
            events = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unsetQueue")
    void setQueue(CallQueue q) {
        queue = q;
    }

    void unsetQueue(CallQueue q) {
        if (queue == q) {
            queue = null;
        }
    }

    @Deactivate
    void stop() throws Exception {
        if (slaTask != null) {
            try {
                slaTask.unregister();
            } catch (IllegalStateException e) {
                // gone with the bundle
            }
        }
        producer.close();
        try {
            routes.unregister();
        } catch (IllegalStateException e) {
            // gone with the bundle
        }
    }

    @Override
    public Lead submit(IncomingLead lead) {
        LeadWork w = coalescer.submit(lead);
        if (w.lead != null) {
            return w.lead;
        }
        throw w.failure;
    }

    @Override
    public List<IntakeResult> submitAll(List<IncomingLead> leads) {
        return process(leads).stream().map(w -> new IntakeResult(w.lead, w.deadLetter)).toList();
    }

    /** Runs the leads through the route as one batch; keeps the failed ones as dead letters (one transaction). */
    private List<LeadWork> process(List<IncomingLead> leads) {
        List<LeadWork> works = new ArrayList<>(leads.size());
        for (IncomingLead l : leads) {
            LeadWork w = new LeadWork(l);
            if (l == null || l.source() == null || l.source().isBlank() || l.sourceLeadId() == null || l.sourceLeadId().isBlank()
                    || l.fields() == null) {
                w.fail(new ValidationException("source", "a lead needs its source, the source's id for it and its fields"));
            } else if (l.source().length() > 100 || l.sourceLeadId().length() > 200) {
                w.fail(new ValidationException(l.source().length() > 100 ? "source" : "sourceLeadId",
                        "at most 100 characters for the source and 200 for its id"));
            }
            works.add(w);
        }
        if (works.stream().anyMatch(LeadWork::pending)) {
            try {
                producer.requestBody(IntakeRoutes.INTAKE, new LeadBatch(works));
            } catch (CamelExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                List<LeadWork> open = works.stream().filter(w -> w.lead == null && w.failure == null && w.sameDelivery == null).toList();
                LOG.warn("the intake of {} leads failed ({}){}", works.size(), cause.toString(), open.size() > 1 ? "; taking them in one by one" : "");
                for (LeadWork w : open) {
                    if (open.size() == 1) {
                        w.fail(cause);
                    } else {
                        alone(w); // a step failing on one lead must not cost the others; stored ones are recognized
                    }
                }
            }
        }
        List<LeadWork> failed = new ArrayList<>();
        for (LeadWork w : works) {
            if (w.sameDelivery != null) {
                continue;
            }
            if (w.lead == null && w.failure == null) {
                w.fail(new IllegalStateException("the intake route ended without a lead"));
            }
            if (w.lead == null) {
                failed.add(w);
            }
        }
        List<DeadLetter> kept = deadLetters.insertAll(failed.stream().map(w -> new DeadLetterStore.Failed(
                w.incoming == null ? null : w.incoming.source(), w.incoming == null ? null : w.incoming.sourceLeadId(),
                w.incoming == null ? null : w.incoming.rawPayload(), describe(w.failure), "OPEN",
                w.incoming == null ? null : w.incoming.receivedAt())).toList(), clock.instant()); // throws when the database is down
        for (int i = 0; i < failed.size(); i++) {
            failed.get(i).deadLetter = kept.get(i);
        }
        for (LeadWork w : works) {
            if (w.sameDelivery != null) { // the same delivery twice in one batch: answered like the first
                w.lead = w.sameDelivery.lead;
                w.failure = w.sameDelivery.failure;
                w.deadLetter = w.sameDelivery.deadLetter;
            }
        }
        return works;
    }

    /** Runs one lead of a failed batch through the route on its own, and copies the outcome back. */
    private void alone(LeadWork w) {
        LeadWork again = runAlone(w.incoming);
        w.lead = again.lead;
        w.created = again.created;
        w.failure = again.failure;
    }

    /** One lead through the route as a batch of its own: it ends with its lead, or with its failure. */
    private LeadWork runAlone(IncomingLead lead) {
        LeadWork w = new LeadWork(lead);
        try {
            producer.requestBody(IntakeRoutes.INTAKE, new LeadBatch(List.of(w)));
        } catch (CamelExecutionException e) {
            w.fail(e.getCause() instanceof RuntimeException r ? r : e);
        }
        if (w.lead == null && w.failure == null) {
            w.fail(new IllegalStateException("the intake route ended without a lead"));
        }
        return w;
    }

    private static String describe(RuntimeException e) {
        if (e instanceof ValidationException v) {
            return v.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public DeadLetter reject(IncomingLead lead, String status, String reason) {
        return deadLetters.deadLetter(lead.source(), lead.sourceLeadId(), lead.rawPayload(), reason, status, lead.receivedAt(),
                clock.instant());
    }

    @Override
    public Optional<Lead> find(Actor actor, long id) {
        return queries.find(actor, id);
    }

    @Override
    public List<LeadImport> imports() {
        return imports.list();
    }

    @Override
    public org.evergreencrm.api.Page<org.evergreencrm.api.lead.LeadSummary> search(Actor actor, org.evergreencrm.api.lead.LeadQuery query) {
        return queries.search(actor, query);
    }

    @Override
    public List<org.evergreencrm.api.lead.LeadDay> daily(Actor actor, int days) {
        return queries.daily(actor, days);
    }

    @Override
    public List<Lead> recent(Actor actor, int limit) {
        return queries.recent(actor, limit);
    }

    @Override
    public List<org.evergreencrm.api.lead.SourceHealth> sources() {
        return queries.sources();
    }

    @Override
    public List<org.evergreencrm.api.lead.FeedState> feeds() {
        return queries.feeds();
    }

    @Override
    public List<org.evergreencrm.api.lead.SpeedToLead> speedToLead(Actor actor, int days, int slaMinutes) {
        return queries.speedToLead(actor, days, slaMinutes);
    }

    @Override
    public List<Lead> referredBy(Actor actor, long contactId) {
        return queries.referredBy(actor, contactId);
    }

    @Override
    public int referralCount(Actor actor, long contactId) {
        return queries.referralCount(actor, contactId);
    }

    @Override
    public List<DeadLetter> deadLetters(boolean openOnly, int limit) {
        return queries.deadLetters(openOnly, limit);
    }

    @Override
    public Lead replay(Actor actor, long deadLetterId) {
        if (actor.role() == Role.REP) {
            throw new AccessDeniedException("replaying dead letters is for managers and admins");
        }
        DeadLetter d = deadLetters.byId(deadLetterId).orElseThrow(() -> new NotFoundException("dead letter", deadLetterId));
        if (!"OPEN".equals(d.status())) {
            throw new ConflictException("status", "dead letter " + deadLetterId + " is " + d.status() + ", not OPEN");
        }
        IncomingLead again = LeadPayloads.parse(d.source(), d.sourceLeadId(), d.payload(), d.receivedAt());
        String referrer = again.fields().get(LeadPayloads.REFERRER);
        if (referrer != null && referrer.matches("\\d{1,18}")) {
            again = new IncomingLead(again.source(), again.sourceLeadId(), again.fields(), again.rawPayload(), again.receivedAt(),
                    Long.valueOf(referrer));
        }
        LeadWork w = runAlone(again);
        if (w.lead == null) {
            deadLetters.replayed(deadLetterId, null, describe(w.failure), clock.instant());
            throw w.failure;
        }
        deadLetters.replayed(deadLetterId, w.lead.id(), null, clock.instant());
        return w.lead;
    }

    @Override
    public List<Link> chain() {
        return router.describe();
    }

    @Override
    public List<org.evergreencrm.api.lead.BranchOffice> branches() {
        return routingBranches;
    }

    @Override
    public List<RepAvailability> availability() {
        return availability.all(router.activeReps());
    }

    @Override
    public RepAvailability setAvailability(Actor actor, String username, String workingHours, Instant leaveFrom, Instant leaveUntil,
            String leaveNote) {
        return availability.set(actor, username, workingHours, leaveFrom, leaveUntil, leaveNote);
    }
}
