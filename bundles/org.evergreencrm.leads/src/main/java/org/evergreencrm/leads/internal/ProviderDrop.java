package org.evergreencrm.leads.internal;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.lead.LeadIntake;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A provider's own drop folder with its own column names: one ConfigAdmin factory configuration per provider
 * ({@code etc/org.evergreencrm.leads.drop-NAME.cfg}). Its files go through the intake like those of the shared
 * {@code dropFolder}, with source {@code file-drop:NAME}, the provider's id column and field mapping.
 */
@Component(service = {}, configurationPid = "org.evergreencrm.leads.drop", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ProviderDrop.Config.class, factory = true)
public final class ProviderDrop {
    @ObjectClassDefinition(id = "org.evergreencrm.leads.drop", name = "Evergreen provider drop folder",
            description = "A folder where one provider drops CSV or JSON lead files; the leads' source is file-drop:NAME")
    public @interface Config {
        @AttributeDefinition(description = "Name; the leads' source is file-drop:NAME")
        String name();

        @AttributeDefinition(description = "The folder (processed files go to done/, unreadable ones to failed/)")
        String folder();

        @AttributeDefinition(description = "The column holding the provider's lead id (else file name and line number)")
        String idField() default "id";

        @AttributeDefinition(description = "Field mapping, ourField=theirField, comma-separated (firstName=fname,phone=tel)")
        String fieldMap() default "";

        @AttributeDefinition(description = "Leads per transaction")
        int batchSize() default 500;
    }

    private final ServiceRegistration<RoutesBuilder> route;

    @Activate
    public ProviderDrop(BundleContext context, @Reference LeadIntake intake, @Reference LeadImports imports, Config config) {
        if (config.name() == null || !config.name().matches("[A-Za-z0-9_.-]{1,60}")) {
            throw new ValidationException("name", "letters, digits, . _ - (at most 60)");
        }
        if (config.folder() == null || config.folder().isBlank()) {
            throw new ValidationException("folder", "required");
        }
        DropFiles files = new DropFiles(intake, "file-drop:" + config.name(), config.idField(), FieldMap.parse(config.fieldMap()),
                config.batchSize(), imports);
        String routeId = "lead-file-drop-" + config.name();
        this.route = context.registerService(RoutesBuilder.class, new RouteBuilder() {
            @Override
            public void configure() {
                files.route(this, config.folder().trim(), routeId);
            }
        }, null);
    }

    @Deactivate
    void stop() {
        try {
            route.unregister();
        } catch (IllegalStateException e) {
            // gone with the bundle
        }
    }
}
