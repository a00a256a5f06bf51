package org.evergreencrm.api.compliance;

import java.time.Instant;

/** An imported registry list: {@code US} (national DNC registry) or a state list such as {@code US-FL}. */
public record DncList(String code, String description, long numbers, Instant importedAt, String importedBy) {
}
