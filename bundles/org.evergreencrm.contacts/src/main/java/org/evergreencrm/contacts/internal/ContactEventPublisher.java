package org.evergreencrm.contacts.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactEvents;
import org.evergreencrm.api.security.Actor;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Posts the contact events (see {@link ContactEvents}) after a committed change. */
final class ContactEventPublisher {
    private final EventAdmin events;
    private final Clock clock;

    ContactEventPublisher(EventAdmin events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    void post(String topic, Actor actor, Contact contact, Contact previous) {
        Map<String, Object> props = new HashMap<>();
        props.put(ContactEvents.CONTACT_ID, contact.id());
        props.put(ContactEvents.CONTACT, contact);
        props.put(ContactEvents.ACTOR, actor.username());
        props.put(ContactEvents.TIMESTAMP, clock.millis());
        if (previous != null) {
            props.put(ContactEvents.PREVIOUS, previous);
        }
        events.postEvent(new Event(topic, props));
    }

    /** {@link org.evergreencrm.api.dedup.MergeEvents}: after a merge or its undo, once its participants ran. */
    void postMerge(String topic, Actor actor, long mergeId, long survivorId, long loserId) {
        Map<String, Object> props = new HashMap<>();
        props.put(org.evergreencrm.api.dedup.MergeEvents.MERGE_ID, mergeId);
        props.put(org.evergreencrm.api.dedup.MergeEvents.SURVIVOR_ID, survivorId);
        props.put(org.evergreencrm.api.dedup.MergeEvents.LOSER_ID, loserId);
        props.put(org.evergreencrm.api.dedup.MergeEvents.ACTOR, actor.username());
        props.put(org.evergreencrm.api.dedup.MergeEvents.TIMESTAMP, clock.millis());
        events.postEvent(new Event(topic, props));
    }
}
