package org.evergreencrm.rest.internal.resources;

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
import javax.ws.rs.core.SecurityContext;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.dedup.CandidatePair;
import org.evergreencrm.api.dedup.DedupEvaluation;
import org.evergreencrm.api.dedup.DedupJobs;
import org.evergreencrm.api.dedup.MergeRecord;
import org.evergreencrm.api.dedup.MergeService;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.api.store.DedupRepository;
import org.evergreencrm.rest.internal.ActorPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Duplicates: the batch search, the review queue, merges and their undo. Managers and admins. */
@Path("/duplicates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "duplicates")
public final class DuplicateResource {
    /** Body of POST /duplicates/merges. */
    public record MergeRequest(Long survivorId, Long loserId) {
    }

    private final DedupJobs jobs;
    private final DedupRepository queue;
    private final MergeService merges;
    private final DedupEvaluation evaluation;

    public DuplicateResource(DedupJobs jobs, DedupRepository queue, MergeService merges, DedupEvaluation evaluation) {
        this.jobs = jobs;
        this.queue = queue;
        this.merges = merges;
        this.evaluation = evaluation;
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import people from a CSV as contacts", description = "map=field=column, repeated; fields: externalId, givenName, surname, streetNumber, address1, address2, city, postcode, state, country, dateOfBirth, phone, email. Refused rows are listed with the reason.")
    public DedupEvaluation.ImportResult importCsv(String csv, @QueryParam("map") List<String> map,
            @QueryParam("source") String source, @Context SecurityContext security) {
        Actor actor = reviewer(security);
        java.util.Map<String, String> mapping = DedupEvaluation.parseMapping(map);
        return evaluation.importCsv(actor, new java.io.StringReader(csv == null ? "" : csv), mapping,
                source == null || source.isBlank() ? "csv-import" : source);
    }

    @GET
    @Path("/pairs.csv")
    @Produces("text/csv")
    @Operation(summary = "The last batch search's pairs as CSV id_a,id_b,score (external ids)", description = "threshold: from 0.05 "
            + "(every pair the run kept) to 1; the review threshold when absent.")
    public String pairs(@QueryParam("threshold") String threshold, @Context SecurityContext security) {
        reviewer(security);
        double t = QueryParams.parseDouble("threshold", threshold, evaluation.reviewThreshold());
        java.io.StringWriter out = new java.io.StringWriter();
        evaluation.exportPairs(out, t);
        return out.toString();
    }

    @POST
    @Path("/evaluate")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Precision, recall and F1 of the last batch search against true pairs (CSV id_a,id_b)", description = "First at the review threshold, then at the best threshold.")
    public List<DedupEvaluation.Scores> evaluate(String truePairs, @Context SecurityContext security) {
        reviewer(security);
        return evaluation.evaluate(new java.io.StringReader(truePairs == null ? "" : truePairs));
    }

    @POST
    @Path("/jobs")
    @Operation(summary = "Start the batch duplicate search over all contacts (or see the running one)")
    public DedupJobs.Status start(@Context SecurityContext security) {
        return jobs.start(ActorPrincipal.of(security));
    }

    @GET
    @Path("/jobs/current")
    @Operation(summary = "Progress of the batch duplicate search")
    public DedupJobs.Status status(@Context SecurityContext security) {
        reviewer(security);
        return jobs.status();
    }

    @GET
    @Path("/keys")
    @Operation(summary = "Re-keying of stored contacts to this version's blocking keys (used by the online duplicate check)",
            description = "A background task on the platform scheduler; state RUNNING or DONE, contacts visited and re-keyed.")
    public DedupJobs.KeyRefresh keys(@Context SecurityContext security) {
        reviewer(security);
        return jobs.keyRefresh();
    }

    @DELETE
    @Path("/jobs/current")
    @Operation(summary = "Cancel the running batch duplicate search")
    public DedupJobs.Status cancel(@Context SecurityContext security) {
        return jobs.cancel(ActorPrincipal.of(security));
    }

    @GET
    @Path("/candidates")
    @Operation(summary = "The review queue: pending pairs, most likely first, with their explanation")
    public List<CandidatePair> candidates(@QueryParam("limit") String limit, @Context SecurityContext security) {
        return merges.pending(ActorPrincipal.of(security), limit(limit));
    }

    @POST
    @Path("/candidates/{id}/reject")
    @Operation(summary = "Not duplicates: the pair is never proposed again")
    public CandidatePair reject(@PathParam("id") long id, @Context SecurityContext security) {
        return merges.reject(ActorPrincipal.of(security), id);
    }

    @POST
    @Path("/candidates/{id}/merge")
    @Operation(summary = "Merge a queued pair; the older contact survives")
    public MergeRecord mergeCandidate(@PathParam("id") long id, @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        CandidatePair pair = merges.candidate(actor, id);
        return merges.merge(actor, pair.contactA(), pair.contactB(), pair.probability());
    }

    @POST
    @Path("/merges")
    @Operation(summary = "Merge two contacts: phones, e-mails, tags kept from both; other fields most recent non-empty")
    public MergeRecord merge(MergeRequest request, @Context SecurityContext security) {
        if (request == null || request.survivorId() == null || request.loserId() == null) {
            throw new ValidationException(request == null || request.survivorId() == null ? "survivorId" : "loserId", "is required");
        }
        return merges.merge(ActorPrincipal.of(security), request.survivorId(), request.loserId(), null);
    }

    @GET
    @Path("/merges")
    @Operation(summary = "Merge audit, newest first: who, when, score, both records before, where each field came from")
    public List<MergeRecord> history(@QueryParam("limit") String limit, @Context SecurityContext security) {
        return merges.history(ActorPrincipal.of(security), limit(limit));
    }

    @POST
    @Path("/merges/{id}/undo")
    @Operation(summary = "Undo a merge: both contacts as they were; answers the restored contact")
    public Contact undo(@PathParam("id") long id, @Context SecurityContext security) {
        return merges.undo(ActorPrincipal.of(security), id);
    }

    private static int limit(String limit) {
        int n = QueryParams.parseInt("limit", limit, 50);
        if (n < 1 || n > 500) {
            throw new ValidationException("limit", "1 to 500");
        }
        return n;
    }

    private static Actor reviewer(SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        if (actor.role() == Role.REP) {
            throw new AccessDeniedException("duplicates are reviewed by managers and admins");
        }
        return actor;
    }
}
