package org.evergreencrm.api.security;

import java.util.List;
import java.util.Optional;

/** Manages users and teams. Only admins change them; managers list their team; reps see themselves. */
public interface UserService {

    User createUser(Actor actor, UserDraft draft);

    User updateUser(Actor actor, long id, UserDraft draft);

    User getUser(Actor actor, long id);

    /** Users the actor may see, by username. */
    List<User> listUsers(Actor actor);

    /** Looks a user up by login name without any access check: for authentication and the shell. */
    Optional<User> findByUsername(String username);

    /**
     * For the shell's {@code --as USER}: that active user as an actor, or the system when {@code username} is
     * {@code null}. Refuses unknown and deactivated users with an {@link IllegalArgumentException} saying so.
     */
    default Actor actorFor(String username) {
        if (username == null) {
            return Actor.system();
        }
        User u = findByUsername(username).orElseThrow(() -> new IllegalArgumentException("no user '" + username + "'"));
        if (!u.active()) {
            throw new IllegalArgumentException("user '" + username + "' is deactivated");
        }
        return Actor.of(u);
    }

    /**
     * The actor changes their own password: refused unless {@code currentPassword} is right (and while sign-ins are
     * locked after failures); the new one must meet the password rules. Every remembered sign-in is forgotten.
     */
    void changeOwnPassword(Actor actor, char[] currentPassword, char[] newPassword);

    Team createTeam(Actor actor, String name);

    List<Team> listTeams(Actor actor);

    Optional<Team> findTeamByName(String name);

    /** Ids of the active and inactive members of a team. */
    List<Long> teamMemberIds(long teamId);
}
