package org.evergreencrm.api.timeline;

/** The kinds the platform writes. Plugins add their own by posting {@link TimelineEvents#ACTIVITY}. */
public final class ActivityKinds {
    public static final String LEAD_RECEIVED = "LEAD_RECEIVED";
    public static final String LEAD_ASSIGNED = "LEAD_ASSIGNED";
    public static final String LEAD_REASSIGNED = "LEAD_REASSIGNED";
    public static final String QUEUE_CLAIMED = "QUEUE_CLAIMED";
    public static final String CALL_OUTCOME = "CALL_OUTCOME";
    public static final String COMPLIANCE_BLOCKED = "COMPLIANCE_BLOCKED";
    public static final String CONTACT_MERGED = "CONTACT_MERGED";
    public static final String MERGE_UNDONE = "MERGE_UNDONE";
    public static final String NOTE = "NOTE";
    public static final String TASK_CREATED = "TASK_CREATED";
    public static final String TASK_DUE = "TASK_DUE";
    public static final String TASK_DONE = "TASK_DONE";

    private ActivityKinds() {
    }
}
