package org.evergreencrm.api.timeline;

/**
 * How a bundle adds an entry to a contact's timeline without calling the timeline: post (after its own commit) an
 * event on {@link #ACTIVITY} with these properties. {@link #KEY} makes it idempotent: an event posted twice with the
 * same key is stored once. The timeline also posts {@link #MENTIONED} and {@link #TASK_DUE} for notifications.
 */
public final class TimelineEvents {
    public static final String ACTIVITY = "org/evergreencrm/timeline/ACTIVITY";
    /** Posted by the timeline: a note mentioned {@code username}. */
    public static final String MENTIONED = "org/evergreencrm/timeline/MENTIONED";
    /** Posted by the timeline: a task reached its due time; {@code username} is the assignee. */
    public static final String TASK_DUE = "org/evergreencrm/timeline/TASK_DUE";

    /**
     * Posted by the timeline after it stored something for a contact (an activity, a note, a task, a task done), so
     * screens showing that contact's timeline refresh; carries {@link #CONTACT_ID} and {@link #KIND}.
     */
    public static final String CHANGED = "org/evergreencrm/timeline/CHANGED";

    /** {@code Long}, required. */
    public static final String CONTACT_ID = "contact.id";
    /** {@code String}, required: upper case letters, digits and {@code _}, at most 40. */
    public static final String KIND = "kind";
    /** {@code String}, required: one line, cut at 500 characters. */
    public static final String SUMMARY = "summary";
    /** {@code String}: who did it; {@code system} when absent. */
    public static final String ACTOR = "actor";
    /** {@code String}: a JSON object with the details; {@code {}} when absent. */
    public static final String PAYLOAD = "payload";
    /** {@code String}, required: unique per happening, e.g. {@code roofing/inspection/42}. */
    public static final String KEY = "key";
    /** {@code Long}: epoch millis of when it happened; the time of delivery when absent. */
    public static final String TIMESTAMP = "timestamp";
    /** {@code String}: the mentioned or assigned user (MENTIONED, TASK_DUE). */
    public static final String USERNAME = "username";
    /** {@code Long}: the task (TASK_DUE) or note (MENTIONED). */
    public static final String ITEM_ID = "item.id";

    private TimelineEvents() {
    }
}
