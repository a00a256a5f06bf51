package org.evergreencrm.leads.internal;

import java.sql.PreparedStatement;

import javax.sql.DataSource;

import org.evergreencrm.api.queue.QueueEvents;
import org.evergreencrm.api.store.SchemaReady;
import org.evergreencrm.store.jdbc.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speed to lead: when the call queue reports an outcome of a call that was placed (anything but {@code NOT_DIALED}),
 * the contact's leads that arrived before that call and had no attempt yet get its time as their
 * {@code first_attempt_at}.
 */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + QueueEvents.OUTCOME)
public final class FirstAttempts implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FirstAttempts.class);
    private final DataSource ds;

    @Activate
    public FirstAttempts(@Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds, @Reference(target = "(evergreen.schema=org.evergreencrm.leads)") SchemaReady schemaReady,
            @Reference(target = "(evergreen.schema=org.evergreencrm.queue)") SchemaReady attemptsSchema) {
        this.ds = ds;
    }

    @Override
    public void handleEvent(Event event) {
        if ("NOT_DIALED".equals(event.getProperty(QueueEvents.OUTCOME_NAME))) {
            return;
        }
        Object contact = event.getProperty(QueueEvents.CONTACT_ID);
        Object attempt = event.getProperty(QueueEvents.ATTEMPT_ID);
        if (!(contact instanceof Long c) || !(attempt instanceof Long a)) {
            return;
        }
        try {
            int n = record(c, a);
            if (n > 0) {
                LOG.debug("contact {}: first attempt recorded on {} leads", c, n);
            }
        } catch (RuntimeException e) {
            LOG.warn("first attempt of contact {} not recorded: {}", c, e.getMessage());
        }
    }

    int record(long contactId, long attemptId) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE lead SET first_attempt_at = (SELECT a.claimed_at FROM call_attempt a "
                    + "WHERE a.id = ?) WHERE contact_id = ? AND first_attempt_at IS NULL AND received_at <= (SELECT a.claimed_at "
                    + "FROM call_attempt a WHERE a.id = ?)")) {
                ps.setLong(1, attemptId);
                ps.setLong(2, contactId);
                ps.setLong(3, attemptId);
                return ps.executeUpdate();
            }
        });
    }
}
