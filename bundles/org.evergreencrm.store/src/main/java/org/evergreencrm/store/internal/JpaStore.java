package org.evergreencrm.store.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.evergreencrm.api.store.BundleSchema;
import org.evergreencrm.api.store.StoreInfo;
import org.evergreencrm.store.internal.schema.SchemaBoard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the database: migrates the schema when the DataSource and the persistence unit are there, then offers
 * the transaction helper to the repositories (which only start once migration has succeeded).
 */
@Component(service = {JpaStore.class, StoreInfo.class})
public final class JpaStore implements StoreInfo {
    /** The store's own changelog: users, teams, contacts, duplicate review and merges, dedup runs. */
    public static final String OWN_CHANGELOG = SchemaMigrator.CHANGELOG;
    private static final Logger LOG = LoggerFactory.getLogger(JpaStore.class);
    private final SchemaBoard board = new SchemaBoard("org.evergreencrm.store");
    private final int ownApplied;
    private final DataSource dataSource;
    private final Tx tx;
    private final SchemaMigrator migrator;
    private final String product;
    private final String url;

    @Activate
    public JpaStore(@Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=evergreen)") EntityManagerFactory emf) {
        this.dataSource = dataSource;
        this.tx = new Tx(emf);
        this.migrator = new SchemaMigrator(dataSource, JpaStore.class.getClassLoader());
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            this.product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            this.url = meta.getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
        long start = System.nanoTime();
        this.ownApplied = migrator.migrate();
        LOG.info("Evergreen core schema up to date on {} ({} change sets applied, {} ms)", product, ownApplied,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** For the schema extender, which applies the other bundles' changelogs with the same migrator. */
    public SchemaMigrator migrator() {
        return migrator;
    }

    public SchemaBoard schemaBoard() {
        return board;
    }

    public int ownChangeSetsApplied() {
        return ownApplied;
    }

    @Override
    public List<BundleSchema> schemas() {
        return board.all();
    }

    public Tx tx() {
        return tx;
    }

    /** For the plain-SQL read paths (the online duplicate check). */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public String databaseProduct() {
        return product;
    }

    @Override
    public String jdbcUrl() {
        return url;
    }

    @Override
    public List<String> appliedMigrations() {
        return migrator.appliedChangeSets();
    }

    @Override
    public boolean ping() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            LOG.warn("database ping failed: {}", e.getMessage());
            return false;
        }
    }
}
