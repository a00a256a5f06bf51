package org.evergreencrm.leads.internal;

import java.time.Clock;
import java.util.List;
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
import org.evergreencrm.api.lead.Lead;
import org.evergreencrm.api.lead.LeadIntake;
import org.evergreencrm.api.queue.CallQueue;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.api.store.StoreInfo;
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

/**
 * Lead intake: contributes the intake route to the CamelContext and sends every lead through it. A lead the
 * pipeline refuses or fails on is kept as a dead letter with the reason (and can be replayed); nothing is dropped.
 */
@Component(service = LeadIntake.class, configurationPid = "org.evergreencrm.leads")
@Designate(ocd = LeadsConfig.class)
public final class LeadIntakeImpl implements LeadIntake {
    private final LeadStore store;
    private final DataSource ds;
    private final ProducerTemplate producer;
    private final ServiceRegistration<RoutesBuilder> routes;
    private final Clock clock = Clock.systemUTC();
    private volatile EventAdmin events;
    private volatile CallQueue queue;

    @Activate
    public LeadIntakeImpl(BundleContext context, @Reference CamelContext camel,
            @Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds, @Reference StoreInfo schemaReady,
            @Reference ContactService contacts, @Reference UserService users, LeadsConfig config,
            java.util.Map<String, Object> properties) {
        this.store = new LeadStore(ds);
        this.ds = ds;
        LeadPipeline steps = new LeadPipeline(store, contacts, users, () -> events, () -> queue, config.intakeBucket(),
                RoutingRules.from(properties), clock);
        this.routes = context.registerService(RoutesBuilder.class, new IntakeRoutes(steps, config.dropFolder(),
                new DropFiles(this, config.dropIdField())), null);
        this.producer = camel.createProducerTemplate();
        if (config.slaSeconds() > 0) {
            SlaWatch sla = new SlaWatch(store, contacts, users, () -> events, config.slaSeconds(), config.slaAction(), clock);
            slaTimer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "evergreen-lead-sla");
                t.setDaemon(true);
                return t;
            });
            long every = Math.max(1, Math.min(60, config.slaSeconds() / 2));
            slaTimer.scheduleWithFixedDelay(() -> {
                try {
                    sla.sweep();
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(LeadIntakeImpl.class).warn("SLA sweep failed: {}", e.getMessage());
                }
            }, every, every, java.util.concurrent.TimeUnit.SECONDS);
        } else {
            slaTimer = null;
        }
    }

    private final java.util.concurrent.ScheduledExecutorService slaTimer;

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
        if (slaTimer != null) {
            slaTimer.shutdownNow();
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
        if (lead == null || lead.source() == null || lead.source().isBlank() || lead.sourceLeadId() == null
                || lead.sourceLeadId().isBlank() || lead.fields() == null) {
            throw new ValidationException("source", "a lead needs its source, the source's id for it and its fields");
        }
        try {
            return run(lead);
        } catch (RuntimeException e) {
            store.deadLetter(lead.source(), lead.sourceLeadId(), lead.rawPayload(), describe(e), "OPEN", lead.receivedAt(),
                    clock.instant());
            throw e;
        }
    }

    private Lead run(IncomingLead lead) {
        try {
            LeadWork w = new LeadWork(lead);
            producer.requestBody(IntakeRoutes.INTAKE, w);
            if (w.lead == null) {
                throw new IllegalStateException("the intake route ended without a lead");
            }
            return w.lead;
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static String describe(RuntimeException e) {
        if (e instanceof ValidationException v) {
            return v.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public DeadLetter reject(IncomingLead lead, String status, String reason) {
        return store.deadLetter(lead.source(), lead.sourceLeadId(), lead.rawPayload(), reason, status, lead.receivedAt(),
                clock.instant());
    }

    @Override
    public Optional<Lead> find(long id) {
        return store.find(id);
    }

    @Override
    public List<Lead> recent(int limit) {
        return store.recent(limit);
    }

    @Override
    public List<org.evergreencrm.api.lead.SourceHealth> sources() {
        return LeadReports.sources(ds);
    }

    @Override
    public List<org.evergreencrm.api.lead.SpeedToLead> speedToLead(int days, int slaMinutes) {
        if (days < 1 || days > 366 || slaMinutes < 1) {
            throw new ValidationException("days", "days between 1 and 366, slaMinutes at least 1");
        }
        return LeadReports.speedToLead(ds, clock.instant().minusSeconds(days * 86_400L), slaMinutes);
    }

    @Override
    public List<Lead> referredBy(long contactId) {
        return store.referredBy(contactId);
    }

    @Override
    public List<DeadLetter> deadLetters(boolean openOnly, int limit) {
        return store.deadLetters(openOnly, limit);
    }

    @Override
    public Lead replay(Actor actor, long deadLetterId) {
        if (actor.role() == Role.REP) {
            throw new AccessDeniedException("replaying dead letters is for managers and admins");
        }
        DeadLetter d = store.deadLetterById(deadLetterId).orElseThrow(() -> new NotFoundException("dead letter", deadLetterId));
        if (!"OPEN".equals(d.status())) {
            throw new ConflictException("status", "dead letter " + deadLetterId + " is " + d.status() + ", not OPEN");
        }
        IncomingLead again = LeadPayloads.parse(d.source(), d.sourceLeadId(), d.payload(), d.receivedAt());
        String referrer = again.fields().get(LeadPayloads.REFERRER);
        if (referrer != null && referrer.matches("\\d{1,18}")) {
            again = new IncomingLead(again.source(), again.sourceLeadId(), again.fields(), again.rawPayload(), again.receivedAt(),
                    Long.valueOf(referrer));
        }
        try {
            Lead lead = run(again);
            store.replayed(deadLetterId, lead.id(), null, clock.instant());
            return lead;
        } catch (RuntimeException e) {
            store.replayed(deadLetterId, null, describe(e), clock.instant());
            throw e;
        }
    }
}
