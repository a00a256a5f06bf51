package org.evergreencrm.api.store;

/**
 * Which contacts a search may return, derived from the actor by the contact service.
 *
 * @param ownerIds when not {@code null}, only contacts owned by one of these users
 */
public record ContactScope(java.util.Set<Long> ownerIds) {
    public static ContactScope everything() {
        return new ContactScope(null);
    }
}
