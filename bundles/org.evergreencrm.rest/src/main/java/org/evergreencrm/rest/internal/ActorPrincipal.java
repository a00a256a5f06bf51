package org.evergreencrm.rest.internal;

import java.security.Principal;

import javax.ws.rs.core.SecurityContext;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.security.Actor;

/** The authenticated user of a request, as the filter put it into the SecurityContext. */
public record ActorPrincipal(Actor actor) implements Principal {
    @Override
    public String getName() {
        return actor.username();
    }

    public static Actor of(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof ActorPrincipal p) {
            return p.actor();
        }
        throw new AccessDeniedException("not authenticated");
    }
}
