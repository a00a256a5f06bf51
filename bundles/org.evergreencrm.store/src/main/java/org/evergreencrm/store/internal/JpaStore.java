package org.evergreencrm.store.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.evergreencrm.api.store.StoreInfo;
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
    private static final Logger LOG = LoggerFactory.getLogger(JpaStore.class);
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
        migrator.migrate();
        LOG.info("Evergreen schema up to date on {} ({} ms)", product, (System.nanoTime() - start) / 1_000_000);
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
