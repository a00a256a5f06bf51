package org.evergreencrm.queue.internal;

import java.time.Instant;

import javax.sql.DataSource;

import org.evergreencrm.api.contact.ContactAccessGrant;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.store.SchemaReady;
import org.evergreencrm.store.jdbc.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The claim rule's read right: while a user holds an unexpired claim on a contact (the queue handed it to them),
 * they may read that contact — and so its queue state and compliance records — even when they do not own it (an
 * unowned contact of a bucket shared with their team). The right ends with the outcome or the lease.
 */
@Component(service = ContactAccessGrant.class)
public final class ClaimReadGrant implements ContactAccessGrant {
    private final DataSource ds;

    @Activate
    public ClaimReadGrant(@Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds,
            @Reference(target = "(evergreen.schema=org.evergreencrm.queue)") SchemaReady schemaReady) {
        this.ds = ds;
    }

    @Override
    public boolean grantsRead(Actor actor, long contactId) {
        if (actor.userId() == null) {
            return false;
        }
        Instant now = Instant.now();
        return Jdbc.read(ds, c -> ClaimCandidates.holdsClaim(c, contactId, actor.userId(), now));
    }
}
