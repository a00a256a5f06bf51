package org.evergreencrm.scoring.internal.registry;

import javax.sql.DataSource;

/** Opens the registry's test constructor to the scorer's tests. */
public final class RegistryAccess {
    private RegistryAccess() {
    }

    public static Registry registry(DataSource ds) {
        return new Registry(ds, java.time.Clock.systemUTC());
    }
}
