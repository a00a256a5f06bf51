package org.evergreencrm.samplefeed.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.evergreencrm.api.lead.IncomingLead;
import org.evergreencrm.api.store.SchemaReady;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The plugin's own table, {@code acme_sample_delivery}: one row per lead Acme handed out, written as the feed
 * polls. It starts only once the store has applied this bundle's changelog (the {@link SchemaReady} reference
 * with this bundle's name), which is all a plugin needs to own a table.
 */
@Component(service = DeliveryLog.class)
public final class DeliveryLog {
    private final DataSource ds;

    @Activate
    public DeliveryLog(@Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds,
            @Reference(target = "(evergreen.schema=org.evergreencrm.samplefeed)") SchemaReady schema) {
        this.ds = ds;
    }

    /** Records the leads of one page; a lead delivered twice keeps its first row. */
    public void record(List<IncomingLead> leads, String cursor, Instant at) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO acme_sample_delivery (acme_id, delivered_at, page_cursor) SELECT ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM acme_sample_delivery WHERE acme_id = ?)")) {
            for (IncomingLead lead : leads) {
                ps.setString(1, lead.sourceLeadId());
                ps.setObject(2, at.atOffset(ZoneOffset.UTC));
                ps.setString(3, cursor);
                ps.setString(4, lead.sourceLeadId());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record Acme deliveries: " + e.getMessage(), e);
        }
    }
}
