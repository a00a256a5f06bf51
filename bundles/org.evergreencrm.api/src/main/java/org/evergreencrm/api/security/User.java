package org.evergreencrm.api.security;

import java.time.Instant;

/** A person who signs in: a rep, a manager or an admin. Never carries the password or its hash. */
public record User(long id, String username, String displayName, String email, Role role, Long teamId,
        boolean active, Instant createdAt, Instant updatedAt) {
}
