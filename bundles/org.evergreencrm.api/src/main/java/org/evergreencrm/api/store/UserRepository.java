package org.evergreencrm.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.evergreencrm.api.security.Team;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserDraft;

/** Stores users and teams (one aggregate: a team is nothing without its members). */
public interface UserRepository {

    /** @param passwordHash the KDF output to store; never the password itself */
    User insert(UserDraft draft, String passwordHash, Instant now);

    /** @param passwordHash the new hash, or {@code null} to keep the stored one */
    User update(long id, UserDraft draft, String passwordHash, Instant now);

    Optional<User> find(long id);

    Optional<User> findByUsername(String username);

    /** The stored password hash of an active user, for authentication only. */
    Optional<String> activePasswordHash(String username);

    List<User> list();

    List<User> listByTeam(long teamId);

    long count();

    Team insertTeam(String name, Instant now);

    Optional<Team> findTeam(long id);

    Optional<Team> findTeamByName(String name);

    List<Team> listTeams();
}
