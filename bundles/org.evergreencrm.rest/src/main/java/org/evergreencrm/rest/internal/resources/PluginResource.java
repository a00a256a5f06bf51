package org.evergreencrm.rest.internal.resources;

import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.evergreencrm.api.platform.Plugin;
import org.evergreencrm.api.platform.PluginCatalog;
import org.evergreencrm.rest.internal.ActorPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Evergreen plugins (Karaf features), installed and removed live. Admins only. */
@Path("/plugins")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "plugins")
public final class PluginResource {
    private final Supplier<PluginCatalog> catalog;

    public PluginResource(Supplier<PluginCatalog> catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "Every Evergreen plugin and whether it is installed", description = "Admins only.")
    public List<Plugin> list(@Context SecurityContext security) {
        return catalog().list(ActorPrincipal.of(security));
    }

    @PUT
    @Path("/{name}")
    @Operation(summary = "Install a plugin live", description = "Admins only; 400 naming `name` for an unknown plugin.")
    public Plugin install(@PathParam("name") String name, @Context SecurityContext security) {
        return catalog().install(ActorPrincipal.of(security), name);
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Remove a plugin live", description = "Admins only; the core keeps running.")
    public Plugin uninstall(@PathParam("name") String name, @Context SecurityContext security) {
        return catalog().uninstall(ActorPrincipal.of(security), name);
    }

    private PluginCatalog catalog() {
        PluginCatalog c = catalog.get();
        if (c == null) {
            throw new ServiceUnavailableException("the plugin catalog is not running");
        }
        return c;
    }
}
