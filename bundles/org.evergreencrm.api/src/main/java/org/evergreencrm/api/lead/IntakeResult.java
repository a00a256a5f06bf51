package org.evergreencrm.api.lead;

/** What became of one lead of a batch: stored (or found stored already), or kept as a dead letter with the reason. */
public record IntakeResult(Lead lead, DeadLetter deadLetter) {
    public boolean stored() {
        return lead != null;
    }
}
