package org.evergreencrm.security.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.ConflictException;
import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.security.Team;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserDraft;
import org.evergreencrm.api.security.UserEvents;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.api.store.UserRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Users and teams: validation, who may change what, password hashing, the first admin. */
@Component(service = {UserService.class, UserServiceImpl.class}, configurationPid = "org.evergreencrm.security")
@Designate(ocd = SecurityConfig.class)
public final class UserServiceImpl implements UserService {
    private static final Logger LOG = LoggerFactory.getLogger(UserServiceImpl.class);
    private final UserRepository repo;
    private final EventAdmin events;
    private final PasswordHasher hasher;
    private final Authenticator authenticator;
    private final Clock clock;

    @Activate
    public UserServiceImpl(@Reference UserRepository repo, @Reference EventAdmin events, SecurityConfig config) {
        this(repo, events, config, Clock.systemUTC());
    }

    UserServiceImpl(UserRepository repo, EventAdmin events, SecurityConfig config, Clock clock) {
        this.repo = repo;
        this.events = events;
        this.clock = clock;
        this.hasher = new PasswordHasher(config.pbkdf2Iterations());
        this.authenticator = new Authenticator(repo, hasher, clock, config.authCacheSeconds() * 1000L);
        bootstrapAdmin(config);
    }

    Authenticator authenticator() {
        return authenticator;
    }

    private void bootstrapAdmin(SecurityConfig config) {
        if (repo.count() > 0) {
            return;
        }
        UserDraft admin = new UserDraft(config.bootstrapAdminUsername(), "Administrator", null, Role.ADMIN, null, true,
                config.bootstrapAdminPassword());
        try {
            createUser(Actor.system(), admin);
            LOG.info("Created the first admin user '{}'", admin.username());
        } catch (ConflictException e) {
            LOG.info("The first admin user was created by another node");
        } catch (ValidationException e) {
            LOG.error("The first admin user was NOT created, fix org.evergreencrm.security.cfg: {}", e.getMessage());
        }
    }

    @Override
    public User createUser(Actor actor, UserDraft draft) {
        requireAdmin(actor, "create users");
        UserValidator.check(draft, true);
        checkTeam(draft.teamId());
        if (repo.findByUsername(draft.username()).isPresent()) {
            throw new ConflictException("username", "username '" + draft.username() + "' is taken");
        }
        User user = repo.insert(draft, hasher.hash(draft.password().toCharArray()), clock.instant());
        post(UserEvents.CREATED, user);
        return user;
    }

    @Override
    public User updateUser(Actor actor, long id, UserDraft draft) {
        requireAdmin(actor, "change users");
        UserValidator.check(draft, false);
        checkTeam(draft.teamId());
        repo.findByUsername(draft.username()).filter(other -> other.id() != id).ifPresent(other -> {
            throw new ConflictException("username", "username '" + draft.username() + "' is taken");
        });
        String hash = draft.password() == null ? null : hasher.hash(draft.password().toCharArray());
        User user = repo.update(id, draft, hash, clock.instant());
        authenticator.forgetAll();
        post(UserEvents.UPDATED, user);
        return user;
    }

    @Override
    public User getUser(Actor actor, long id) {
        User user = repo.find(id).orElseThrow(() -> new NotFoundException("user", id));
        if (!maySee(actor, user)) {
            throw new AccessDeniedException("you may not see user " + id);
        }
        return user;
    }

    @Override
    public List<User> listUsers(Actor actor) {
        return switch (actor.role()) {
            case ADMIN -> repo.list();
            case MANAGER -> actor.teamId() == null ? repo.find(actor.userId()).stream().toList() : repo.listByTeam(actor.teamId());
            case REP -> repo.find(actor.userId()).stream().toList();
        };
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return repo.findByUsername(username);
    }

    @Override
    public void changeOwnPassword(Actor actor, char[] currentPassword, char[] newPassword) {
        if (actor.userId() == null) {
            throw new ValidationException("currentPassword", "the system has no password of its own");
        }
        User me = repo.find(actor.userId()).orElseThrow(() -> new NotFoundException("user", actor.userId()));
        if (currentPassword == null || currentPassword.length == 0) {
            throw new ValidationException("currentPassword", "is required");
        }
        if (newPassword == null || newPassword.length < UserValidator.MIN_PASSWORD || newPassword.length > UserValidator.MAX_PASSWORD) {
            throw new ValidationException("newPassword", UserValidator.MIN_PASSWORD + " to " + UserValidator.MAX_PASSWORD + " characters");
        }
        if (authenticator.lockedUntil(me.username()).isPresent()) {
            throw new org.evergreencrm.api.TooManyAttemptsException("too many failed sign-ins; try again later",
                    authenticator.lockedUntil(me.username()).get());
        }
        if (authenticator.authenticate(me.username(), currentPassword.clone()).isEmpty()) {
            throw new ValidationException("currentPassword", "is not your current password");
        }
        if (java.util.Arrays.equals(currentPassword, newPassword)) {
            throw new ValidationException("newPassword", "must differ from the current password");
        }
        UserDraft keep = new UserDraft(me.username(), me.displayName(), me.email(), me.role(), me.teamId(), me.active(), null);
        User user = repo.update(me.id(), keep, hasher.hash(newPassword), clock.instant());
        authenticator.forgetAll();
        post(UserEvents.UPDATED, user);
    }

    @Override
    public Team createTeam(Actor actor, String name) {
        requireAdmin(actor, "create teams");
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new ValidationException("name", "1 to 100 characters");
        }
        String trimmed = name.trim();
        if (repo.findTeamByName(trimmed).isPresent()) {
            throw new ConflictException("name", "team '" + trimmed + "' exists");
        }
        return repo.insertTeam(trimmed, clock.instant());
    }

    @Override
    public List<Team> listTeams(Actor actor) {
        return repo.listTeams();
    }

    @Override
    public Optional<Team> findTeamByName(String name) {
        return repo.findTeamByName(name);
    }

    @Override
    public List<Long> teamMemberIds(long teamId) {
        return repo.listByTeam(teamId).stream().map(User::id).toList();
    }

    private boolean maySee(Actor actor, User user) {
        return switch (actor.role()) {
            case ADMIN -> true;
            case MANAGER -> user.id() == actor.userId() || (actor.teamId() != null && actor.teamId().equals(user.teamId()));
            case REP -> user.id() == actor.userId();
        };
    }

    private void checkTeam(Long teamId) {
        if (teamId != null && repo.findTeam(teamId).isEmpty()) {
            throw new ValidationException("teamId", "team " + teamId + " does not exist");
        }
    }

    private static void requireAdmin(Actor actor, String what) {
        if (!actor.isAdmin()) {
            throw new AccessDeniedException("only admins may " + what);
        }
    }

    private void post(String topic, User user) {
        events.postEvent(new Event(topic, Map.of(UserEvents.USER_ID, user.id(), UserEvents.USERNAME, user.username())));
    }
}
