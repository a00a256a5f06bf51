package org.evergreencrm.api.security;

/**
 * Who performs a service call. Every service method that reads or writes records takes one, so the
 * same rules apply to REST, shell and later to automation.
 *
 * @param userId the acting user's id; {@code null} for the system itself (shell, migrations)
 * @param username login name, or {@code "system"}
 * @param role what the actor may do
 * @param teamId the actor's team, {@code null} when none
 */
public record Actor(Long userId, String username, Role role, Long teamId) {
    private static final Actor SYSTEM = new Actor(null, "system", Role.ADMIN, null);

    /** The CRM itself (Karaf shell, start-up jobs): full rights, owns nothing. */
    public static Actor system() {
        return SYSTEM;
    }

    public static Actor of(User user) {
        return new Actor(user.id(), user.username(), user.role(), user.teamId());
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
