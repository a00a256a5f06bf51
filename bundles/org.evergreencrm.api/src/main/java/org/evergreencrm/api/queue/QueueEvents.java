package org.evergreencrm.api.queue;

/**
 * EventAdmin topics the call queue posts after its transactions commit. Properties: {@value #CONTACT_ID} (long),
 * {@value #ATTEMPT_ID} (long), {@value #USERNAME}, and for outcomes {@value #OUTCOME_NAME} (the {@link CallOutcome} name).
 */
public final class QueueEvents {
    /** A rep or dialer claimed a contact to call. */
    public static final String CLAIMED = "org/evergreencrm/queue/CLAIMED";
    /** An outcome was recorded for a claim. */
    public static final String OUTCOME = "org/evergreencrm/queue/OUTCOME";
    /** A compliance check kept the contact from being offered (posted when the blocking reason changes). */
    public static final String BLOCKED = "org/evergreencrm/queue/BLOCKED";
    /**
     * A callback came due: {@link #CONTACT_ID}, {@link #USER_ID} (the rep it is reserved for; absent when nobody),
     * {@link #UNTIL} (the callback time, epoch millis). Posted once per callback, by one node.
     */
    public static final String CALLBACK_DUE = "org/evergreencrm/queue/CALLBACK_DUE";
    /** {@code Long}: a user's id. */
    public static final String USER_ID = "user.id";
    public static final String CONTACT_ID = "contact.id";
    /** {@code String} (BLOCKED): the reason code, e.g. {@code OUTSIDE_CALLING_HOURS}. */
    public static final String CODE = "code";
    /** {@code String} (BLOCKED): the reason in words. */
    public static final String REASON = "reason";
    /** {@code Long} (BLOCKED): epoch millis until which it is held back. */
    public static final String UNTIL = "until";
    public static final String ATTEMPT_ID = "attempt.id";
    public static final String USERNAME = "username";
    public static final String OUTCOME_NAME = "outcome";

    private QueueEvents() {
    }
}
