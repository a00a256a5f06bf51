package org.evergreencrm.contacts.internal;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.api.store.ContactScope;

/**
 * Record-level access: admins see everything, managers the contacts owned by their team's members (and their
 * own), reps the contacts they own. Unassigned contacts are visible to admins only.
 */
final class ContactAccess {
    private final UserService users;

    ContactAccess(UserService users) {
        this.users = users;
    }

    ContactScope scope(Actor actor) {
        return switch (actor.role()) {
            case ADMIN -> ContactScope.everything();
            case MANAGER -> new ContactScope(teamOwners(actor));
            case REP -> new ContactScope(Set.of(actor.userId()));
        };
    }

    void checkRead(Actor actor, Contact contact) {
        if (!mayOwn(actor, contact.ownerId())) {
            throw new AccessDeniedException("contact " + contact.id() + " belongs to another "
                    + (actor.role() == org.evergreencrm.api.security.Role.MANAGER ? "team" : "rep"));
        }
    }

    /** Whether the actor may see (or assign) records owned by {@code ownerId}. */
    boolean mayOwn(Actor actor, Long ownerId) {
        return switch (actor.role()) {
            case ADMIN -> true;
            case MANAGER -> ownerId != null && teamOwners(actor).contains(ownerId);
            case REP -> ownerId != null && Objects.equals(ownerId, actor.userId());
        };
    }

    /** The owner a new or changed contact gets when the actor leaves it empty. */
    Long defaultOwner(Actor actor, Long requested) {
        if (requested != null || actor.isAdmin()) {
            return requested;
        }
        return actor.userId();
    }

    void checkAssign(Actor actor, Long ownerId) {
        if (!mayOwn(actor, ownerId)) {
            throw new AccessDeniedException(switch (actor.role()) {
                case REP -> "reps may only assign contacts to themselves";
                case MANAGER -> "managers may only assign contacts to members of their team";
                case ADMIN -> "not allowed";
            });
        }
    }

    private Set<Long> teamOwners(Actor actor) {
        Set<Long> owners = new HashSet<>();
        owners.add(actor.userId());
        if (actor.teamId() != null) {
            owners.addAll(users.teamMemberIds(actor.teamId()));
        }
        return owners;
    }
}
