package org.evergreencrm.api.store;

import java.time.Instant;

/**
 * Where one bundle's schema stands, for {@code crm:status} and {@code /health/ready}.
 *
 * @param bundle    the bundle's symbolic name
 * @param changelog its changelog's path inside the bundle
 * @param state     see {@link State}
 * @param newlyApplied change sets applied by the last run (0 when the database was already up to date)
 * @param message   why it is waiting or failed; empty when applied
 * @param at        when the state was reached
 */
public record BundleSchema(String bundle, String changelog, State state, int newlyApplied, String message, Instant at) {
    public enum State {
        /** Found, not yet applied (another bundle's schema comes first, or it is running). */
        WAITING,
        /** Applied; the bundle's {@link SchemaReady} is published. */
        APPLIED,
        /** The migration failed; the bundle's services that need the schema stay down until the bundle is restarted. */
        FAILED
    }
}
