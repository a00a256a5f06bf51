package org.evergreencrm.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import liquibase.Scope;
import liquibase.changelog.RanChangeSet;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;
import liquibase.UpdateSummaryOutputEnum;

/**
 * Applies versioned Liquibase changelogs (same changes on H2 and PostgreSQL): the store's own
 * {@code db/changelog/master.xml}, and the changelog each bundle names in its {@code Evergreen-Schema} header
 * ({@link org.evergreencrm.store.internal.schema.SchemaExtender}). All of them share Liquibase's one change log
 * table and its one lock. Liquibase is embedded in this bundle; it runs with this bundle's class loader as its
 * scope class loader so that its ServiceLoader-based extension lookup and its XSDs resolve inside OSGi, and reads
 * a bundle's changelog through that bundle's class loader.
 */
public final class SchemaMigrator {
    public static final String CHANGELOG = "db/changelog/master.xml";
    private final DataSource dataSource;
    private final ClassLoader classLoader;

    public SchemaMigrator(DataSource dataSource, ClassLoader classLoader) {
        this.dataSource = dataSource;
        this.classLoader = classLoader;
    }

    /** Brings the store's own schema up to date. Idempotent; concurrent starters are serialized by Liquibase's lock table. */
    public int migrate() {
        return migrate(CHANGELOG, classLoader);
    }

    /**
     * Applies what is new in {@code changelog}, read through {@code resources} (a bundle's class loader), and says
     * how many change sets that was. The changelog is validated first (well-formed, checksums of applied change
     * sets unchanged), so a broken file applies nothing; each change set then runs in its own transaction.
     */
    public int migrate(String changelog, ClassLoader resources) {
        return withDatabase(resources, database -> {
            int before = database.getRanChangeSetList().size();
            new CommandScope("update")
                    .addArgumentValue("database", database)
                    .addArgumentValue("changelogFile", changelog)
                    .addArgumentValue("showSummaryOutput", UpdateSummaryOutputEnum.LOG)
                    .execute();
            database.resetInternalState();
            return database.getRanChangeSetList().size() - before;
        });
    }

    /** Ids of the changeSets applied so far, in the order they ran. */
    public List<String> appliedChangeSets() {
        return withDatabase(classLoader, database -> {
            List<String> ids = new ArrayList<>();
            for (RanChangeSet ran : database.getRanChangeSetList()) {
                ids.add(ran.getId());
            }
            return ids;
        });
    }

    private interface DatabaseWork<T> {
        T run(Database database) throws Exception;
    }

    private <T> T withDatabase(ClassLoader resources, DatabaseWork<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        try (Connection connection = dataSource.getConnection()) {
            // the changelog's files from the owning bundle only (so no path is found twice); Liquibase finds its
            // XSDs through the scope class loader, this one
            ResourceAccessor accessor = new ClassLoaderResourceAccessor(resources);
            Map<String, Object> scope = Map.of(
                    Scope.Attr.classLoader.name(), classLoader,
                    Scope.Attr.resourceAccessor.name(), accessor,
                    // progress goes to the log, not to the console of whoever started Karaf
                    Scope.Attr.ui.name(), new LoggerUIService());
            return Scope.child(scope, () -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                return work.run(database);
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("schema migration failed: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
