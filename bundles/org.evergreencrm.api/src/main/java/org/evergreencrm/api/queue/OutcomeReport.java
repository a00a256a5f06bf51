package org.evergreencrm.api.queue;

import java.time.Instant;

/** The result of a call: {@code callbackAt} is required for {@code CALLBACK}. */
public record OutcomeReport(CallOutcome outcome, Instant callbackAt, String note) {
}
