package org.evergreencrm.api.compliance;

import java.time.Instant;

/** A logged decision: what was decided about which contact/number, when, for what, by whom. */
public record DecisionRecord(long id, Long contactId, String phone, Instant decidedAt, String purpose, boolean allowed,
        String reasons, String actor) {
}
