package org.evergreencrm.api.lead;

import java.time.Duration;
import java.util.List;

/**
 * SPI for lead-source plugins that pull leads from a provider (a polled API, an SFTP listing, a sample generator):
 * register an implementation as an OSGi service and the intake polls it every {@link #interval()}, sends each lead
 * through the intake pipeline (idempotent on {@code source} + the lead's id, so returning a lead twice is harmless)
 * and remembers the cursor. Removing the service stops the polling; nothing else is restarted.
 */
public interface LeadFeed {
    /** Unique name; the leads' source is {@code feed:NAME}. */
    String name();

    /** How often to poll. */
    Duration interval();

    /**
     * The leads after {@code cursor} ({@code null} the first time), and the cursor to pass next time. The
     * {@link IncomingLead#source()} given here is replaced by {@code feed:NAME}.
     */
    Batch poll(String cursor) throws Exception;

    /** One poll's result. */
    record Batch(List<IncomingLead> leads, String nextCursor) {
    }
}
