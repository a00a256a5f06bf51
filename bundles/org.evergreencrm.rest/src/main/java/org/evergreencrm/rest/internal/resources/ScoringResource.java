package org.evergreencrm.rest.internal.resources;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.lead.LeadScore;
import org.evergreencrm.api.scoring.ModelVersion;
import org.evergreencrm.api.scoring.ScoringService;
import org.evergreencrm.api.scoring.TrainingJob;
import org.evergreencrm.rest.internal.ActorPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Scoring (docs/scoring.md): training from an uploaded CSV and mapping on the platform scheduler, the training jobs
 * with their progress, the model registry with each version's held-out metrics, promote and roll back, what scores
 * leads now, and "try it". The access rule is the scoring service's. Answers 503 while the scoring plugin is not
 * installed.
 */
@Path("/scoring")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "scoring")
public final class ScoringResource {
    private final Supplier<ScoringService> service;

    /** An upload: the CSV's text and file name, the mapping's text (JSON or YAML) and the model's name. */
    public record TrainingRequest(String name, String csvName, String csv, String mapping) {
    }

    /** What scores leads now, or null when nothing does. */
    public record Scorer(String scorer) {
    }

    public ScoringResource(Supplier<ScoringService> service) {
        this.service = service;
    }

    @POST
    @Path("/trainings")
    @Operation(summary = "Train both learners from an uploaded CSV of historical outcomes and a mapping (admin)",
            description = "The CSV (comma, semicolon or tab separated, a header row) and the mapping are checked at once: a bad mapping, a "
                    + "missing column or a feature known only after the outcome is a 400 naming the key. Answers 202 with the job; "
                    + "GET /scoring/trainings/{id} shows its step and percentage. The first model trained scores at once; later ones are "
                    + "candidates until promoted.")
    public Response train(TrainingRequest request, @Context SecurityContext security) {
        TrainingRequest r = QueueResource.requireBody(request);
        TrainingJob job = service().train(ActorPrincipal.of(security), r.name(), bytes(r.csv()), r.csvName(), bytes(r.mapping()));
        return Response.status(Response.Status.ACCEPTED).entity(job).build();
    }

    @GET
    @Path("/trainings")
    @Operation(summary = "The training jobs, newest first, with their progress (managers, admins)")
    public List<TrainingJob> trainings(@Context SecurityContext security) {
        return service().jobs(ActorPrincipal.of(security));
    }

    @GET
    @Path("/trainings/{id}")
    @Operation(summary = "One training job: state, step, percentage, the figures or the error, the model it made (managers, admins)")
    public TrainingJob training(@PathParam("id") long id, @Context SecurityContext security) {
        return service().job(ActorPrincipal.of(security), id).orElseThrow(() -> new NotFoundException("training job", id));
    }

    @GET
    @Path("/models")
    @Operation(summary = "The model registry, newest first: state, learner, training window, features, provenance, held-out metrics "
            + "(decile table, reliability curve, priority cut points) of each learner tried (managers, admins)")
    public List<ModelVersion> models(@Context SecurityContext security) {
        return service().models(ActorPrincipal.of(security));
    }

    @GET
    @Path("/models/{id}")
    @Operation(summary = "One model version with its metrics (managers, admins)")
    public ModelVersion model(@PathParam("id") long id, @Context SecurityContext security) {
        return service().model(ActorPrincipal.of(security), id).orElseThrow(() -> new NotFoundException("model", id));
    }

    @POST
    @Path("/models/{id}/promote")
    @Operation(summary = "Make this model score new leads; the one before is kept for a rollback (admin)")
    public ModelVersion promote(@PathParam("id") long id, @Context SecurityContext security) {
        return service().promote(ActorPrincipal.of(security), id);
    }

    @POST
    @Path("/models/rollback")
    @Operation(summary = "Go back to the model that scored before the current one (admin)",
            description = "A 400 saying why when no model was promoted before the current one.")
    public ModelVersion rollback(@Context SecurityContext security) {
        return service().rollback(ActorPrincipal.of(security));
    }

    @GET
    @Path("/scorer")
    @Operation(summary = "What scores new leads now: a plugin model or the registry's active one; null when nothing does")
    public Scorer scorer(@Context SecurityContext security) {
        ActorPrincipal.of(security);
        return new Scorer(service().scorer().orElse(null));
    }

    @POST
    @Path("/score")
    @Operation(summary = "Score a set of feature values with what scores leads now: probability, priority, model, reasons (managers, admins)",
            description = "Keys are the model's features (GET /scoring/models/{id}); a value left out is missing, as at intake.")
    public LeadScore score(Map<String, Object> features, @Context SecurityContext security) {
        return service().score(ActorPrincipal.of(security), features);
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private ScoringService service() {
        ScoringService s = service.get();
        if (s == null) {
            throw new ServiceUnavailableException("scoring is not available: the evergreen-scoring plugin is not installed");
        }
        return s;
    }
}
