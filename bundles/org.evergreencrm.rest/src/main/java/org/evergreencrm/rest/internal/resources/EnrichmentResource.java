package org.evergreencrm.rest.internal.resources;

import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.enrichment.ContactEnrichment;
import org.evergreencrm.api.enrichment.EnrichmentJob;
import org.evergreencrm.api.enrichment.EnrichmentService;
import org.evergreencrm.rest.internal.ActorPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Enrichment (docs/enrichment.md): a contact's values (nearest branch, neighbourhood, market, property) under the
 * contact's access rule, enriching it again, the providers installed, and the re-enrichment job for admins. Answers
 * 503 while the enrichment bundle is not running.
 */
@Path("/enrichment")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "enrichment")
public final class EnrichmentResource {
    private final Supplier<EnrichmentService> service;

    public EnrichmentResource(Supplier<EnrichmentService> service) {
        this.service = service;
    }

    @GET
    @Path("/contacts/{contactId}")
    @Operation(summary = "A contact's enrichment: every value with its group, unit, source, time and how it was found; how each provider did",
            description = "Follows the contact's access rule. Empty values when the contact was never enriched.")
    public ContactEnrichment ofContact(@PathParam("contactId") long contactId, @Context SecurityContext security) {
        return service().ofContact(ActorPrincipal.of(security), contactId);
    }

    @POST
    @Path("/contacts/{contactId}/refresh")
    @Operation(summary = "Enrich a contact again now from its standardized address", description = "For whoever may change the contact.")
    public ContactEnrichment refresh(@PathParam("contactId") long contactId, @Context SecurityContext security) {
        return service().enrichContact(ActorPrincipal.of(security), contactId);
    }

    @GET
    @Path("/providers")
    @Operation(summary = "The enrichment providers installed, highest ranking first, each with what it adds and its state")
    public List<String> providers(@Context SecurityContext security) {
        ActorPrincipal.of(security);
        return service().providers();
    }

    @POST
    @Path("/jobs")
    @Operation(summary = "Standardize and enrich every contact with an address again, on the platform scheduler (admin)",
            description = "Answers the job at once; while one is queued or running, that job is answered instead of a second one.")
    public EnrichmentJob start(@Context SecurityContext security) {
        return service().startJob(ActorPrincipal.of(security));
    }

    @GET
    @Path("/jobs")
    @Operation(summary = "The re-enrichment jobs, newest first, with progress (admin)")
    public List<EnrichmentJob> jobs(@Context SecurityContext security) {
        return service().jobs(ActorPrincipal.of(security));
    }

    @GET
    @Path("/jobs/{id}")
    @Operation(summary = "One re-enrichment job with its progress (admin)")
    public EnrichmentJob job(@PathParam("id") long id, @Context SecurityContext security) {
        return service().job(ActorPrincipal.of(security), id).orElseThrow(() -> new NotFoundException("re-enrichment job", id));
    }

    private EnrichmentService service() {
        EnrichmentService s = service.get();
        if (s == null) {
            throw new ServiceUnavailableException("enrichment is not available: the enrichment bundle is not running");
        }
        return s;
    }
}
