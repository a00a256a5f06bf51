package org.evergreencrm.rest.internal.resources;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.schedule.ScheduledTaskStatus;
import org.evergreencrm.api.schedule.TaskScheduler;
import org.evergreencrm.rest.internal.ActorPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The platform scheduler's tasks (admins). */
@Path("/schedule")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scheduler")
public final class ScheduleResource {
    private final TaskScheduler scheduler;

    public ScheduleResource(TaskScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @GET
    @Path("/tasks")
    @Operation(summary = "Every scheduled task: next run, last success, last failure, failures in a row, the node running it (admin)")
    public List<ScheduledTaskStatus> tasks(@Context SecurityContext security) {
        if (!ActorPrincipal.of(security).isAdmin()) {
            throw new AccessDeniedException("the scheduler is an admin's");
        }
        return scheduler.tasks();
    }
}
