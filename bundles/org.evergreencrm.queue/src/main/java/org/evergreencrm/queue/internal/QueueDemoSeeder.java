package org.evergreencrm.queue.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.evergreencrm.api.Page;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactQuery;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.demo.DemoDataService;
import org.evergreencrm.api.queue.Bucket;
import org.evergreencrm.api.queue.BucketDraft;
import org.evergreencrm.api.queue.CallOutcome;
import org.evergreencrm.api.queue.CallQueue;
import org.evergreencrm.api.queue.QueueOrder;
import org.evergreencrm.api.queue.Transition;
import org.evergreencrm.api.queue.Transition.Action;
import org.evergreencrm.api.security.Actor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With demo data, a call queue to work at once: when demo data is configured (the {@code org.evergreencrm.demo}
 * configuration the contacts bundle's seeder reads) and no bucket exists yet, creates the bucket {@value #BUCKET} with
 * everyday rules and puts every contact in it. The contacts may be generated before or after this bundle starts, so it
 * looks both when it starts and when {@link DemoDataService#SEEDED} is posted; contacts it already queued are never
 * queued twice (one worked meanwhile stays worked).
 */
@Component(service = EventHandler.class, immediate = true, property = "event.topics=" + DemoDataService.SEEDED,
        configurationPid = "org.evergreencrm.demo")
public final class QueueDemoSeeder implements EventHandler {
    /** The part of the demo configuration this seeder reads. */
    public @interface Demo {
        int contacts() default 0;
    }

    static final String BUCKET = "new-leads";
    private static final Logger LOG = LoggerFactory.getLogger(QueueDemoSeeder.class);
    private final CallQueue queue;
    private final ContactService contacts;
    private final java.util.Set<Long> queued = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Long bucketId;

    @Activate
    public QueueDemoSeeder(@Reference CallQueue queue, @Reference ContactService contacts, Demo demo) {
        this.queue = queue;
        this.contacts = contacts;
        if (demo.contacts() > 0 && contacts.count() > 0) {
            seed();
        }
    }

    @Override
    public void handleEvent(Event event) {
        seed();
    }

    private synchronized void seed() {
        Actor system = Actor.system();
        if (bucketId == null) {
            if (!queue.buckets().isEmpty()) {
                return; // someone's own buckets: leave them alone
            }
            bucketId = createBucket(system).id();
        }
        int added = 0;
        String cursor = null;
        do {
            Page<Contact> page = contacts.search(system, new ContactQuery(null, null, null, null, null, null, cursor, 500));
            List<Long> ids = new ArrayList<>();
            page.items().stream().map(Contact::id).filter(queued::add).forEach(ids::add);
            if (!ids.isEmpty()) {
                queue.enqueue(system, bucketId, ids, null, false);
                added += ids.size();
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        LOG.info("Demo call queue: {} contacts added to bucket {}", added, BUCKET);
    }

    private Bucket createBucket(Actor system) {
        return queue.createBucket(system, new BucketDraft(BUCKET, 10, QueueOrder.AGE, 6, 12, null, List.of(
                new Transition(CallOutcome.NO_ANSWER, Action.RETRY, null, Duration.ofHours(2), null),
                new Transition(CallOutcome.BUSY, Action.RETRY, null, Duration.ofMinutes(30), null),
                new Transition(CallOutcome.VOICEMAIL, Action.RETRY, null, Duration.ofHours(4), null),
                new Transition(CallOutcome.APPOINTMENT_SET, Action.FINISH, null, null, "APPOINTMENT"),
                new Transition(CallOutcome.NOT_INTERESTED, Action.FINISH, null, null, "NOT_INTERESTED"),
                new Transition(CallOutcome.WRONG_NUMBER, Action.FINISH, null, null, "BAD_NUMBER")), null, null));
    }
}
