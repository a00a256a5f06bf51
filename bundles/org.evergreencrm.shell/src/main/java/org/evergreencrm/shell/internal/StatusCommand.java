package org.evergreencrm.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.store.BundleSchema;
import org.evergreencrm.api.store.StoreInfo;
import org.evergreencrm.api.store.UserRepository;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

@Command(scope = "crm", name = "status", description = "Health of Evergreen: bundles, database, schema, record counts")
@Service
public class StatusCommand implements Action {
    @Reference
    BundleContext context;
    @Reference
    StoreInfo store;
    @Reference
    ContactService contacts;
    @Reference
    UserRepository users;

    @Override
    public Object execute() {
        boolean healthy = true;
        System.out.println("Evergreen CRM");
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.evergreencrm.")) {
                boolean active = b.getState() == Bundle.ACTIVE;
                healthy &= active;
                System.out.printf("  bundle    %-28s %s%n", b.getSymbolicName(), active ? "Active" : "NOT ACTIVE (" + b.getState() + ")");
            }
        }
        boolean db = store.ping();
        healthy &= db;
        System.out.printf("  database  %s%n", store.databaseProduct());
        System.out.printf("            %s — %s%n", store.jdbcUrl(), db ? "reachable" : "NOT REACHABLE");
        List<String> migrations = store.appliedMigrations();
        System.out.printf("  schema    %d migrations applied (latest: %s)%n", migrations.size(),
                migrations.isEmpty() ? "none" : migrations.get(migrations.size() - 1));
        for (BundleSchema schema : store.schemas()) {
            boolean applied = schema.state() == BundleSchema.State.APPLIED;
            healthy &= applied;
            System.out.printf("            %-28s %s%s%n", schema.bundle(), schema.state(), applied
                    ? " (" + schema.changelog() + ", " + schema.newlyApplied() + " new at start)"
                    : ": " + schema.message());
        }
        System.out.printf("  records   %d contacts, %d users%n", contacts.count(), users.count());
        System.out.printf("  status    %s%n", healthy ? "HEALTHY" : "UNHEALTHY");
        return null;
    }
}
