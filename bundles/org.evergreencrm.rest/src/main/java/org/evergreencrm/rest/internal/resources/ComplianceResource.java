package org.evergreencrm.rest.internal.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.compliance.ComplianceService;
import org.evergreencrm.api.compliance.ConsentDraft;
import org.evergreencrm.api.compliance.ConsentRecord;
import org.evergreencrm.api.compliance.DecisionRecord;
import org.evergreencrm.api.compliance.DncImport;
import org.evergreencrm.api.compliance.DncList;
import org.evergreencrm.api.compliance.NumberStatus;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.rest.internal.ActorPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Calling compliance: number lookups (audited), consent and revocation records, registry imports, decisions. */
@Path("/compliance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "compliance")
public final class ComplianceResource {
    private final ComplianceService compliance;

    public ComplianceResource(ComplianceService compliance) {
        this.compliance = compliance;
    }

    @GET
    @Path("/numbers/{phone}")
    @Operation(summary = "Everything known about a number: registry lists, consent records, may it be called now and why", description = "The lookup is recorded in the decision log.")
    public NumberStatus lookup(@PathParam("phone") String phone, @Context SecurityContext security) {
        return compliance.lookup(ActorPrincipal.of(security), phone);
    }

    @POST
    @Path("/consents")
    @Operation(summary = "Record a consent or a revocation (internal do-not-call / do-not-text)", description = "A revocation takes effect at once unless effectiveAt says otherwise, and never later than 10 business days after receivedAt.")
    public Response record(ConsentDraft draft, @Context SecurityContext security) {
        ConsentRecord r = compliance.record(ActorPrincipal.of(security), QueueResource.requireBody(draft));
        return Response.status(Response.Status.CREATED).entity(r).build();
    }

    @GET
    @Path("/consents")
    @Operation(summary = "Consent records about a contact and/or a number, newest first")
    public List<ConsentRecord> records(@QueryParam("contactId") String contactIdParam, @QueryParam("phone") String phone,
            @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        Long contactId = QueryParams.parseLong("contactId", contactIdParam);
        if (contactId == null && (phone == null || phone.isBlank())) {
            throw new org.evergreencrm.api.ValidationException("contactId", "give contactId and/or phone");
        }
        return compliance.records(actor, contactId, phone);
    }

    @GET
    @Path("/decisions")
    @Operation(summary = "Logged allow/deny decisions about a contact and/or a number (including who looked it up), newest first")
    public List<DecisionRecord> decisions(@QueryParam("contactId") String contactIdParam, @QueryParam("phone") String phone,
            @QueryParam("limit") String limit, @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        Long contactId = QueryParams.parseLong("contactId", contactIdParam);
        if (contactId == null && (phone == null || phone.isBlank())) {
            throw new org.evergreencrm.api.ValidationException("contactId", "give contactId and/or phone");
        }
        return compliance.decisions(actor, contactId, phone, QueryParams.parseInt("limit", limit, 50));
    }

    @GET
    @Path("/lists")
    @Operation(summary = "The registry lists loaded (US, US-XX) with their sizes")
    public List<DncList> lists(@Context SecurityContext security) {
        ActorPrincipal.of(security);
        return compliance.lists();
    }

    @POST
    @Path("/dnc-imports")
    @Consumes({MediaType.TEXT_PLAIN, "text/csv", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Import a registry file (admin): 10-digit numbers, one per line", description = "list=US (national) or US-XX (state). Returns 202 at once; follow the import at /compliance/dnc-imports/{id}.")
    public Response startImport(InputStream body, @QueryParam("list") String list, @QueryParam("name") String name,
            @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        if (!actor.isAdmin()) {
            throw new AccessDeniedException("only an admin may import do-not-call lists");
        }
        java.nio.file.Path spool = spool(body);
        InputStream in;
        try {
            in = Files.newInputStream(spool, StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DncImport job = compliance.startImport(actor, list == null ? "US" : list, in, name == null ? "upload" : name);
        return Response.accepted(job).build();
    }

    private static Actor admin(SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        if (!actor.isAdmin()) {
            throw new AccessDeniedException("registry imports are an admin's");
        }
        return actor;
    }

    /** The request body is only readable during the request; the import runs after it, from a spooled copy. */
    private static java.nio.file.Path spool(InputStream body) {
        try {
            java.nio.file.Path file = Files.createTempFile("evergreen-dnc-", ".txt");
            if (body != null) {
                Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the upload: " + e.getMessage(), e);
        }
    }

    @GET
    @Path("/dnc-imports")
    @Operation(summary = "Registry imports since start-up, newest first, with progress (admin)")
    public List<DncImport> imports(@Context SecurityContext security) {
        admin(security);
        return compliance.dncImports();
    }

    @GET
    @Path("/dnc-imports/{id}")
    @Operation(summary = "Progress of one registry import (admin)")
    public DncImport importStatus(@PathParam("id") long id, @Context SecurityContext security) {
        admin(security);
        return compliance.dncImport(id).orElseThrow(() -> new NotFoundException("DNC import", id));
    }

    @DELETE
    @Path("/dnc-imports/{id}")
    @Operation(summary = "Cancel a running registry import (admin); what was imported stays")
    public DncImport cancel(@PathParam("id") long id, @Context SecurityContext security) {
        return compliance.cancelImport(ActorPrincipal.of(security), id);
    }
}
