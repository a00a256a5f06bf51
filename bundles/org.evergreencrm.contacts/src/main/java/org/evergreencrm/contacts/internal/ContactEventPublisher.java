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
}
