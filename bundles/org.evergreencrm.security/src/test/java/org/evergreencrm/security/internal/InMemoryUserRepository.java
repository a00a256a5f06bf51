package org.evergreencrm.security.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.evergreencrm.api.security.Team;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserDraft;
import org.evergreencrm.api.store.UserRepository;

/** A map-backed UserRepository for unit tests (the JPA one is tested against real databases in the store bundle). */
final class InMemoryUserRepository implements UserRepository {
    final Map<Long, User> users = new HashMap<>();
    final Map<Long, String> hashes = new HashMap<>();
    final Map<Long, Team> teams = new HashMap<>();
    int hashLookups;
    private long next = 1;

    @Override
    public User insert(UserDraft d, String passwordHash, Instant now) {
        User u = new User(next++, d.username(), d.displayName(), d.email(), d.role(), d.teamId(),
                d.active() == null || d.active(), now, now);
        users.put(u.id(), u);
        hashes.put(u.id(), passwordHash);
        return u;
    }

    @Override
    public User update(long id, UserDraft d, String passwordHash, Instant now) {
        User old = users.get(id);
        User u = new User(id, d.username(), d.displayName(), d.email(), d.role(), d.teamId(),
                d.active() == null || d.active(), old.createdAt(), now);
        users.put(id, u);
        if (passwordHash != null) {
            hashes.put(id, passwordHash);
        }
        return u;
    }

    @Override
    public Optional<User> find(long id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return users.values().stream().filter(u -> u.username().equals(username)).findFirst();
    }

    @Override
    public Optional<String> activePasswordHash(String username) {
        hashLookups++;
        return findByUsername(username).filter(User::active).map(u -> hashes.get(u.id()));
    }

    @Override
    public List<User> list() {
        List<User> all = new ArrayList<>(users.values());
        all.sort(Comparator.comparing(User::username));
        return all;
    }

    @Override
    public List<User> listByTeam(long teamId) {
        return list().stream().filter(u -> Objects.equals(u.teamId(), teamId)).toList();
    }

    @Override
    public long count() {
        return users.size();
    }

    @Override
    public Team insertTeam(String name, Instant now) {
        Team t = new Team(next++, name, now);
        teams.put(t.id(), t);
        return t;
    }

    @Override
    public Optional<Team> findTeam(long id) {
        return Optional.ofNullable(teams.get(id));
    }

    @Override
    public Optional<Team> findTeamByName(String name) {
        return teams.values().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    @Override
    public List<Team> listTeams() {
        return new ArrayList<>(teams.values());
    }
}
