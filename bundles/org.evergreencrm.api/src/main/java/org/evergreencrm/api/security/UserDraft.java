package org.evergreencrm.api.security;

/**
 * The writable fields of a user. On update, a {@code null} password keeps the current one.
 */
public record UserDraft(String username, String displayName, String email, Role role, Long teamId, Boolean active,
        String password) {
}
