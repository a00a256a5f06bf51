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
    public static final String CONTACT_ID = "contact.id";
    public static final String ATTEMPT_ID = "attempt.id";
    public static final String USERNAME = "username";
    public static final String OUTCOME_NAME = "outcome";

    private QueueEvents() {
    }
}
