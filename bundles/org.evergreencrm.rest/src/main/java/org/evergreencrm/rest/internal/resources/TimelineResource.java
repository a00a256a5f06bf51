package org.evergreencrm.rest.internal.resources;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import javax.ws.rs.Consumes;
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
import javax.ws.rs.core.UriInfo;

import org.evergreencrm.api.timeline.Note;
import org.evergreencrm.api.timeline.Task;
import org.evergreencrm.api.timeline.TaskDraft;
import org.evergreencrm.api.timeline.TimelinePage;
import org.evergreencrm.api.timeline.TimelineQuery;
import org.evergreencrm.api.timeline.TimelineService;
import org.evergreencrm.rest.internal.ActorPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A contact's timeline, its notes and new tasks; the access rule is the contact's (the timeline service asks it). */
@Path("/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "timeline")
public final class TimelineResource {
    private final TimelineService timeline;

    public record NoteRequest(String text) {
    }

    public TimelineResource(TimelineService timeline) {
        this.timeline = timeline;
    }

    @GET
    @Path("/{contactId}")
    @Operation(summary = "A contact's timeline, newest first", description = "kind: comma-separated kinds (LEAD_RECEIVED, LEAD_ASSIGNED, "
            + "LEAD_REASSIGNED, QUEUE_CLAIMED, CALL_OUTCOME, COMPLIANCE_BLOCKED, CONTACT_MERGED, MERGE_UNDONE, NOTE, TASK_CREATED, "
            + "TASK_DUE, TASK_DONE or a plugin's); from/to: ISO-8601 instants; cursor: the previous page's next; limit 1-200 (50).")
    public TimelinePage page(@PathParam("contactId") long contactId, @QueryParam("kind") String kinds, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
            @Context SecurityContext security) {
        Set<String> only = kinds == null || kinds.isBlank() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(kinds.trim().toUpperCase(Locale.ROOT).split("\\s*,\\s*")));
        return timeline.timeline(ActorPrincipal.of(security), contactId, new TimelineQuery(only, QueryParams.parseInstant("from", from),
                QueryParams.parseInstant("to", to), cursor, QueryParams.parseInt("limit", limit, 50)));
    }

    @POST
    @Path("/{contactId}/notes")
    @Operation(summary = "Add a note to a contact (whoever may read it); @username mentions a user")
    public Response addNote(@PathParam("contactId") long contactId, NoteRequest request, @Context SecurityContext security,
            @Context UriInfo uri) {
        Note n = timeline.addNote(ActorPrincipal.of(security), contactId, QueueResource.requireBody(request).text());
        return Response.created(URI.create(uri.getBaseUri() + "timeline/" + contactId + "?kind=NOTE")).entity(n).build();
    }

    @POST
    @Path("/{contactId}/tasks")
    @Operation(summary = "Add a follow-up task to a contact", description = "assignee: yourself by default; a manager may assign "
            + "their team, an admin anyone. The assignee is reminded through the scheduler at dueAt.")
    public Response addTask(@PathParam("contactId") long contactId, TaskDraft draft, @Context SecurityContext security,
            @Context UriInfo uri) {
        Task t = timeline.addTask(ActorPrincipal.of(security), contactId, QueueResource.requireBody(draft));
        return Response.created(URI.create(uri.getBaseUri() + "tasks?assignee=" + t.assignee())).entity(t).build();
    }
}
