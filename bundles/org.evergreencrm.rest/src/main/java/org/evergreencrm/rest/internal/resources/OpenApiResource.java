package org.evergreencrm.rest.internal.resources;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/** The OpenAPI 3 document of this API, generated from the resource classes by swagger-core. Public. */
@Path("/openapi.json")
@Hidden
public final class OpenApiResource {
    private final Set<Class<?>> resources;
    private volatile String document;

    public OpenApiResource(Set<Class<?>> resources) {
        this.resources = resources;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String get() {
        String doc = document;
        if (doc == null) {
            doc = generate();
            document = doc;
        }
        return doc;
    }

    private String generate() {
        OpenAPI base = new OpenAPI()
                .info(new Info().title("Evergreen CRM API").version("v1")
                        .description("Contacts, leads, users and teams. Every call but this document needs HTTP Basic "
                                + "credentials; errors are application/problem+json (RFC 9457) naming the field at fault.")
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url("/api/v1")))
                .components(new Components().securitySchemes(Map.of("basicAuth",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))))
                .addSecurityItem(new SecurityRequirement().addList("basicAuth"));
        SwaggerConfiguration config = new SwaggerConfiguration().openAPI(base).prettyPrint(true);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Reader.class.getClassLoader());
        try {
            OpenAPI api = new Reader(config).read(resources);
            return Json.pretty(api);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
