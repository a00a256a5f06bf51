package org.evergreencrm.store.internal;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.security.Team;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserDraft;
import org.evergreencrm.api.store.UserRepository;
import org.evergreencrm.store.internal.entity.TeamEntity;
import org.evergreencrm.store.internal.entity.UserEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Users and teams in {@code crm_user} and {@code crm_team}. */
@Component(service = UserRepository.class)
public final class JpaUserRepository implements UserRepository {
    private final Tx tx;

    @Activate
    public JpaUserRepository(@Reference JpaStore store) {
        this(store.tx());
    }

    JpaUserRepository(Tx tx) {
        this.tx = tx;
    }

    @Override
    public User insert(UserDraft draft, String passwordHash, Instant now) {
        return tx.call(em -> {
            UserEntity e = new UserEntity();
            apply(draft, e);
            e.setPasswordHash(passwordHash);
            e.setCreatedAt(Date.from(now));
            e.setUpdatedAt(Date.from(now));
            em.persist(e);
            em.flush();
            return toRecord(e);
        });
    }

    @Override
    public User update(long id, UserDraft draft, String passwordHash, Instant now) {
        return tx.call(em -> {
            UserEntity e = em.find(UserEntity.class, id);
            if (e == null) {
                throw new NotFoundException("user", id);
            }
            apply(draft, e);
            if (passwordHash != null) {
                e.setPasswordHash(passwordHash);
            }
            e.setUpdatedAt(Date.from(now));
            em.flush();
            return toRecord(e);
        });
    }

    @Override
    public Optional<User> find(long id) {
        return tx.read(em -> Optional.ofNullable(em.find(UserEntity.class, id)).map(JpaUserRepository::toRecord));
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return tx.read(em -> byUsername(em, username).map(JpaUserRepository::toRecord));
    }

    @Override
    public Optional<String> activePasswordHash(String username) {
        return tx.read(em -> byUsername(em, username).filter(UserEntity::isActive).map(UserEntity::getPasswordHash));
    }

    @Override
    public List<User> list() {
        return tx.read(em -> em.createQuery("SELECT u FROM UserEntity u ORDER BY u.username", UserEntity.class)
                .getResultList().stream().map(JpaUserRepository::toRecord).toList());
    }

    @Override
    public List<User> listByTeam(long teamId) {
        return tx.read(em -> em.createQuery("SELECT u FROM UserEntity u WHERE u.teamId = :team ORDER BY u.username",
                UserEntity.class).setParameter("team", teamId).getResultList().stream()
                .map(JpaUserRepository::toRecord).toList());
    }

    @Override
    public long count() {
        return tx.read(em -> em.createQuery("SELECT COUNT(u) FROM UserEntity u", Long.class).getSingleResult());
    }

    @Override
    public Team insertTeam(String name, Instant now) {
        return tx.call(em -> {
            TeamEntity e = new TeamEntity(name, Date.from(now));
            em.persist(e);
            em.flush();
            return toRecord(e);
        });
    }

    @Override
    public Optional<Team> findTeam(long id) {
        return tx.read(em -> Optional.ofNullable(em.find(TeamEntity.class, id)).map(JpaUserRepository::toRecord));
    }

    @Override
    public Optional<Team> findTeamByName(String name) {
        return tx.read(em -> em.createQuery("SELECT t FROM TeamEntity t WHERE t.name = :name", TeamEntity.class)
                .setParameter("name", name).getResultList().stream().findFirst().map(JpaUserRepository::toRecord));
    }

    @Override
    public List<Team> listTeams() {
        return tx.read(em -> em.createQuery("SELECT t FROM TeamEntity t ORDER BY t.name", TeamEntity.class)
                .getResultList().stream().map(JpaUserRepository::toRecord).toList());
    }

    private static Optional<UserEntity> byUsername(EntityManager em, String username) {
        return em.createQuery("SELECT u FROM UserEntity u WHERE u.username = :name", UserEntity.class)
                .setParameter("name", username).getResultList().stream().findFirst();
    }

    private static void apply(UserDraft d, UserEntity e) {
        e.setUsername(d.username());
        e.setDisplayName(d.displayName());
        e.setEmail(d.email());
        e.setRole(d.role().name());
        e.setTeamId(d.teamId());
        e.setActive(d.active() == null || d.active());
    }

    private static User toRecord(UserEntity e) {
        return new User(e.getId(), e.getUsername(), e.getDisplayName(), e.getEmail(), Role.valueOf(e.getRole()),
                e.getTeamId(), e.isActive(), e.getCreatedAt().toInstant(), e.getUpdatedAt().toInstant());
    }

    private static Team toRecord(TeamEntity e) {
        return new Team(e.getId(), e.getName(), e.getCreatedAt().toInstant());
    }
}
