package org.evergreencrm.console.internal.live;

import java.util.Set;

import org.evergreencrm.api.security.Actor;

/**
 * A connected console tab.
 *
 * @param id the connection's id
 * @param actor who is signed in
 * @param displayName their name as others see it in presence
 * @param owners whose contacts they may see ({@code null}: everyone's), from the contact service's rule
 */
record Viewer(String id, Actor actor, String displayName, Set<Long> owners) {
    boolean maySee(LiveEvent e) {
        if (actor.isAdmin() || owners == null) {
            return true;
        }
        if (e.contactIds().isEmpty()) {
            return e.notices().containsKey(actor.username());
        }
        for (Long owner : e.ownerIds()) {
            if (owner == null || !owners.contains(owner)) {
                return false;
            }
        }
        return true;
    }
}
