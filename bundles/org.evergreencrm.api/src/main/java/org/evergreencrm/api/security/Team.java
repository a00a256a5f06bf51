package org.evergreencrm.api.security;

import java.time.Instant;

/** A sales team; its managers see the records of its members. */
public record Team(long id, String name, Instant createdAt) {
}
