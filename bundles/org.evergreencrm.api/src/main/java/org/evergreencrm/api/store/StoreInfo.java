package org.evergreencrm.api.store;

import java.util.List;

/** What the store knows about its database, for {@code crm:status} and health checks. */
@org.osgi.annotation.versioning.ProviderType
public interface StoreInfo {

    /** Database product and version, e.g. "PostgreSQL 15.19". */
    String databaseProduct();

    /** JDBC URL without credentials. */
    String jdbcUrl();

    /** Ids of the schema migrations applied, oldest first. */
    List<String> appliedMigrations();

    /** Every bundle's schema the store knows of (the store's own first), with its state. */
    List<BundleSchema> schemas();

    /** Runs a trivial query; {@code true} when the database answers. */
    boolean ping();
}
