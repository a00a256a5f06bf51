package org.evergreencrm.enrichment.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.address.AddressService;
import org.evergreencrm.api.address.ZipDirectory;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.enrichment.ContactEnrichment;
import org.evergreencrm.api.enrichment.EnrichmentEvents;
import org.evergreencrm.api.enrichment.EnrichmentJob;
import org.evergreencrm.api.enrichment.EnrichmentProvider;
import org.evergreencrm.api.enrichment.EnrichmentService;
import org.evergreencrm.api.enrichment.EnrichmentSubject;
import org.evergreencrm.api.enrichment.EnrichmentValue;
import org.evergreencrm.api.schedule.OneTimeTask;
import org.evergreencrm.api.schedule.TaskScheduler;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.store.SchemaReady;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventHandler;

/**
 * The enrichment service: runs the installed providers when a contact's standardized address is stored (the address
 * bundle's event), on demand, and for every contact in the re-enrichment job on the platform scheduler. A contact's
 * values follow the contact's access rule.
 */
@Component(service = {EnrichmentService.class, EventHandler.class}, property = "event.topics=" + EnrichmentEvents.ADDRESS_STANDARDIZED)
public final class EnrichmentServiceImpl implements EnrichmentService, EventHandler {
    private final ContactService contacts;
    private final EnrichmentStore store;
    private final ContactEnricher enricher;
    private final Jobs jobs;
    private final List<Ranked> providers = new CopyOnWriteArrayList<>();
    private ServiceRegistration<OneTimeTask> task;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile AddressService addresses;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ZipDirectory zips;

    @Activate
    public EnrichmentServiceImpl(BundleContext context, @Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds,
            @Reference(target = "(evergreen.schema=org.evergreencrm.enrichment)") SchemaReady schema,
            @Reference ContactService contacts, @Reference TaskScheduler scheduler) {
        this(ds, contacts, scheduler, Clock.systemUTC());
        // removed again in deactivate(): the scheduler runs the job's pages on whichever node offers the task
        this.task = context.registerService(OneTimeTask.class, jobs.task(), null);
    }

    EnrichmentServiceImpl(DataSource ds, ContactService contacts, TaskScheduler scheduler, Clock clock) {
        this.contacts = contacts;
        this.store = new EnrichmentStore(ds);
        Subjects subjects = new Subjects(() -> addresses, () -> zips);
        this.enricher = new ContactEnricher(new Enricher(this::ranked), store, subjects, () -> events, clock);
        this.jobs = new Jobs(new JobStore(ds), store, contacts, enricher, () -> addresses, scheduler, clock);
    }

    @Reference(service = EnrichmentProvider.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(EnrichmentProvider p, java.util.Map<String, Object> props) {
        providers.add(new Ranked(p, ranking(props)));
    }

    void removeProvider(EnrichmentProvider p) {
        providers.removeIf(r -> r.provider() == p);
    }

    Jobs jobsForTest() {
        return jobs;
    }

    @Deactivate
    void deactivate() {
        jobs.close();
        if (task != null) {
            try {
                task.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping: the framework has unregistered it already
            }
        }
    }

    /** Highest {@code service.ranking} first. */
    private List<EnrichmentProvider> ranked() {
        List<Ranked> out = new ArrayList<>(providers);
        out.sort(Collections.reverseOrder(java.util.Comparator.comparingInt(Ranked::ranking)));
        return out.stream().map(Ranked::provider).toList();
    }

    @Override
    public ContactEnrichment ofContact(Actor actor, long contactId) {
        contacts.get(actor, contactId); // the contact's access rule (not found / denied as the contact service says)
        return enricher.stored(contactId);
    }

    @Override
    public ContactEnrichment enrichContact(Actor actor, long contactId) {
        Contact c = contacts.getForChange(actor, contactId);
        return enricher.enrich(c, actor.username());
    }

    @Override
    public List<EnrichmentValue> preview(EnrichmentSubject subject) {
        return enricher.preview(subject);
    }

    @Override
    public EnrichmentJob startJob(Actor actor) {
        admin(actor);
        return jobs.start(actor.username());
    }

    @Override
    public List<EnrichmentJob> jobs(Actor actor) {
        admin(actor);
        return jobs.all();
    }

    @Override
    public Optional<EnrichmentJob> job(Actor actor, long id) {
        admin(actor);
        return jobs.get(id);
    }

    @Override
    public List<String> providers() {
        return ranked().stream().map(p -> p.name() + (p.external() ? " (external)" : "") + ": " + p.description() + " — " + p.status()).toList();
    }

    @Override
    public void handleEvent(Event event) {
        if (!(event.getProperty(EnrichmentEvents.CONTACT_ID) instanceof Long id)) {
            return;
        }
        Object actor = event.getProperty(EnrichmentEvents.ACTOR);
        if (Jobs.ACTOR.username().equals(actor)) {
            return; // the job enriches the contacts it standardizes itself, counting them
        }
        try {
            enricher.enrich(contacts.get(Actor.system(), id), actor == null ? "system" : actor.toString());
        } catch (org.evergreencrm.api.NotFoundException gone) {
            // deleted or merged away since it was standardized
        }
    }

    private static void admin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new AccessDeniedException("only an admin may run or see re-enrichment jobs");
        }
    }

    private static int ranking(java.util.Map<String, Object> props) {
        return props.get("service.ranking") instanceof Integer i ? i : 0;
    }

    /** A bound provider with its {@code service.ranking}. */
    private record Ranked(EnrichmentProvider provider, int ranking) {
    }
}
