package org.evergreencrm.api.contact;

/**
 * EventAdmin topics posted (asynchronously, after commit) for every contact change. Subscribe with an
 * {@code EventHandler} on {@code event.topics=org/evergreencrm/contact/*}.
 */
public final class ContactEvents {
    public static final String TOPIC_PREFIX = "org/evergreencrm/contact/";
    public static final String CREATED = TOPIC_PREFIX + "CREATED";
    public static final String UPDATED = TOPIC_PREFIX + "UPDATED";
    public static final String DELETED = TOPIC_PREFIX + "DELETED";

    /** {@code Long}: the contact's id. */
    public static final String CONTACT_ID = "contact.id";
    /** {@link Contact}: the state after the change (before it, for DELETED). */
    public static final String CONTACT = "contact";
    /** {@link Contact}: the state before an update; absent on CREATED. */
    public static final String PREVIOUS = "contact.previous";
    /** {@code String}: who made the change. */
    public static final String ACTOR = "actor";
    /** {@code Long}: epoch millis of the commit. */
    public static final String TIMESTAMP = "timestamp";

    private ContactEvents() {
    }
}
