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
 * With demo data, a call queue to work at once: when the demo contacts were just generated and no bucket exists yet,
 * creates the bucket {@value #BUCKET} with everyday rules and puts every contact in it.
 */
@Component(service = EventHandler.class, property = "event.topics=" + DemoDataService.SEEDED)
public final class QueueDemoSeeder implements EventHandler {
    static final String BUCKET = "new-leads";
    private static final Logger LOG = LoggerFactory.getLogger(QueueDemoSeeder.class);
    private final CallQueue queue;
    private final ContactService contacts;

    @Activate
    public QueueDemoSeeder(@Reference CallQueue queue, @Reference ContactService contacts) {
        this.queue = queue;
        this.contacts = contacts;
    }

    @Override
    public void handleEvent(Event event) {
        Actor system = Actor.system();
        if (!queue.buckets().isEmpty()) {
            return;
        }
        Bucket bucket = queue.createBucket(system, new BucketDraft(BUCKET, 10, QueueOrder.AGE, 6, 12, null, List.of(
                new Transition(CallOutcome.NO_ANSWER, Action.RETRY, null, Duration.ofHours(2), null),
                new Transition(CallOutcome.BUSY, Action.RETRY, null, Duration.ofMinutes(30), null),
                new Transition(CallOutcome.VOICEMAIL, Action.RETRY, null, Duration.ofHours(4), null),
                new Transition(CallOutcome.APPOINTMENT_SET, Action.FINISH, null, null, "APPOINTMENT"),
                new Transition(CallOutcome.NOT_INTERESTED, Action.FINISH, null, null, "NOT_INTERESTED"),
                new Transition(CallOutcome.WRONG_NUMBER, Action.FINISH, null, null, "BAD_NUMBER")), null, null));
        int queued = 0;
        String cursor = null;
        do {
            Page<Contact> page = contacts.search(system, new ContactQuery(null, null, null, null, null, null, cursor, 500));
            List<Long> ids = new ArrayList<>();
            page.items().forEach(c -> ids.add(c.id()));
            if (!ids.isEmpty()) {
                queue.enqueue(system, bucket.id(), ids, null, false);
                queued += ids.size();
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        LOG.info("Demo call queue: {} contacts in bucket {}", queued, BUCKET);
    }
}
