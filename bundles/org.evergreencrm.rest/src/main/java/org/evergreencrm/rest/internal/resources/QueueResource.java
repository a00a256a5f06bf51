package org.evergreencrm.rest.internal.resources;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.queue.Bucket;
import org.evergreencrm.api.queue.BucketDraft;
import org.evergreencrm.api.queue.BucketStats;
import org.evergreencrm.api.queue.CallQueue;
import org.evergreencrm.api.queue.ContactQueueState;
import org.evergreencrm.api.queue.EnqueueResult;
import org.evergreencrm.api.queue.OutcomeReport;
import org.evergreencrm.api.queue.OutcomeResult;
import org.evergreencrm.rest.internal.ActorPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The call queue: buckets (admins), putting contacts in them (managers), next contact and outcomes (reps, dialers). */
@Path("/queue")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "call queue")
public final class QueueResource {
    /** Body of POST /queue/buckets/{id}/contacts. */
    public record EnqueueRequest(List<Long> contactIds, Double priority, Boolean move) {
    }

    private final CallQueue queue;

    public QueueResource(CallQueue queue) {
        this.queue = queue;
    }

    @GET
    @Path("/buckets")
    @Operation(summary = "Every bucket with its weight, order, limits, hours and transitions")
    public List<Bucket> buckets(@Context SecurityContext security) {
        ActorPrincipal.of(security);
        return queue.buckets();
    }

    @POST
    @Path("/buckets")
    @Operation(summary = "Define a bucket (admin)", description = "Missing fields take defaults; transitions map outcomes to RETRY/MOVE/FINISH with an ISO-8601 delay.")
    public Response create(BucketDraft draft, @Context SecurityContext security, @Context UriInfo uri) {
        Bucket b = queue.createBucket(ActorPrincipal.of(security), requireBody(draft));
        URI location = uri.getAbsolutePathBuilder().path(String.valueOf(b.id())).build();
        return Response.created(location).tag(new EntityTag(String.valueOf(b.version()))).entity(b).build();
    }

    @GET
    @Path("/buckets/{id}")
    @Operation(summary = "One bucket; the ETag is its version")
    public Response get(@PathParam("id") long id, @Context SecurityContext security) {
        ActorPrincipal.of(security);
        Bucket b = queue.bucket(id).orElseThrow(() -> new NotFoundException("bucket", id));
        return Response.ok(b).tag(new EntityTag(String.valueOf(b.version()))).build();
    }

    @PUT
    @Path("/buckets/{id}")
    @Operation(summary = "Replace a bucket's definition (admin); If-Match with its ETag is required")
    public Response update(@PathParam("id") long id, BucketDraft draft, @HeaderParam("If-Match") String ifMatch,
            @Context SecurityContext security) {
        Long version = ContactResource.version(ifMatch);
        if (version == null) {
            throw new ValidationException("If-Match", "required: the ETag of the bucket version you edited");
        }
        Bucket b = queue.updateBucket(ActorPrincipal.of(security), id, version, requireBody(draft));
        return Response.ok(b).tag(new EntityTag(String.valueOf(b.version()))).build();
    }

    @DELETE
    @Path("/buckets/{id}")
    @Operation(summary = "Delete an empty bucket that no other bucket moves contacts to (admin)")
    public Response delete(@PathParam("id") long id, @Context SecurityContext security) {
        queue.deleteBucket(ActorPrincipal.of(security), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/buckets/{id}/contacts")
    @Operation(summary = "Put contacts in a bucket, due now (managers, admins)", description = "Contacts queued elsewhere move only with move=true; every refused contact is listed with the reason.")
    public EnqueueResult enqueue(@PathParam("id") long id, EnqueueRequest request, @Context SecurityContext security) {
        EnqueueRequest r = requireBody(request);
        return queue.enqueue(ActorPrincipal.of(security), id, r.contactIds(), r.priority(), Boolean.TRUE.equals(r.move()));
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Per bucket: queued, due now, held, blocked by compliance and why, attempts distribution")
    public List<BucketStats> stats(@Context SecurityContext security) {
        ActorPrincipal.of(security);
        return queue.stats();
    }

    @GET
    @Path("/outcomes")
    @Operation(summary = "Calls per bucket, rep and outcome over the last days", description = "A rep's own calls, a manager's team's, an admin's all.")
    public List<org.evergreencrm.api.queue.OutcomeCount> outcomes(@QueryParam("days") String days, @Context SecurityContext security) {
        return queue.outcomes(ActorPrincipal.of(security), QueryParams.parseInt("days", days, 7));
    }

    @POST
    @Path("/next")
    @Operation(summary = "Claim the best contact you may call now", description = "200 with the claim (held for you until leaseUntil), or 204 when nothing is callable now.")
    public Response next(@Context SecurityContext security) {
        return queue.next(ActorPrincipal.of(security)).map(c -> Response.ok(c).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @POST
    @Path("/attempts/{attemptId}/outcome")
    @Operation(summary = "Record a call's outcome; the bucket's transition moves the contact")
    public OutcomeResult outcome(@PathParam("attemptId") long attemptId, OutcomeReport report, @Context SecurityContext security) {
        return queue.record(ActorPrincipal.of(security), attemptId, requireBody(report));
    }

    @GET
    @Path("/contacts/{contactId}")
    @Operation(summary = "A contact's queue entry, history, attempts and compliance decisions (why it was or wasn't called)")
    public ContactQueueState state(@PathParam("contactId") long contactId, @Context SecurityContext security) {
        return queue.state(ActorPrincipal.of(security), contactId);
    }

    static <T> T requireBody(T body) {
        if (body == null) {
            throw new ValidationException("body", "a JSON body is required");
        }
        return body;
    }
}
