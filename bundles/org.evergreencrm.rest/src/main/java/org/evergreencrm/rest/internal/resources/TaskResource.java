package org.evergreencrm.rest.internal.resources;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.evergreencrm.api.timeline.Task;
import org.evergreencrm.api.timeline.TimelineService;
import org.evergreencrm.rest.internal.ActorPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Open tasks across contacts (my tasks, due today, overdue) and marking them done. */
@Path("/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "timeline")
public final class TaskResource {
    private final TimelineService timeline;

    public TaskResource(TimelineService timeline) {
        this.timeline = timeline;
    }

    @GET
    @Operation(summary = "Open tasks, soonest due first", description = "assignee: yours by default (a manager may ask for their "
            + "team's, an admin anyone's); overdue=true for those past due; dueBefore: an ISO-8601 instant (e.g. the end of today).")
    public List<Task> tasks(@QueryParam("assignee") String assignee, @QueryParam("overdue") String overdue,
            @QueryParam("dueBefore") String dueBefore, @QueryParam("limit") String limit, @Context SecurityContext security) {
        return timeline.openTasks(ActorPrincipal.of(security), assignee, QueryParams.parseBoolean("overdue", overdue),
                QueryParams.parseInstant("dueBefore", dueBefore), QueryParams.parseInt("limit", limit, 100));
    }

    @POST
    @Path("/{id}/done")
    @Operation(summary = "Mark a task done (its assignee, its creator, or who may change the contact)")
    public Task done(@PathParam("id") long id, @Context SecurityContext security) {
        return timeline.completeTask(ActorPrincipal.of(security), id);
    }
}
