package org.evergreencrm.rest.internal.resources;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Team;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserDraft;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.rest.internal.ActorPrincipal;
import org.evergreencrm.rest.internal.dto.TeamRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Users, teams and the signed-in user. Admins manage; managers see their team; reps see themselves. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "users")
public final class UserResource {
    private final UserService users;

    public UserResource(UserService users) {
        this.users = users;
    }

    /** Body of POST /me/password. */
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    @POST
    @Path("me/password")
    @Operation(summary = "Change your own password (the current one is required)", description = "204 when changed; 400 naming the field when the current password is wrong or the new one too short; 429 while sign-ins are locked.")
    public Response changePassword(PasswordChange change, @Context SecurityContext security) {
        if (change == null) {
            throw new org.evergreencrm.api.ValidationException("currentPassword", "send currentPassword and newPassword");
        }
        users.changeOwnPassword(ActorPrincipal.of(security), change.currentPassword() == null ? null : change.currentPassword().toCharArray(),
                change.newPassword() == null ? null : change.newPassword().toCharArray());
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @Operation(summary = "The signed-in user")
    public User me(@Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        return users.getUser(actor, actor.userId());
    }

    @GET
    @Path("users")
    @Operation(summary = "List users the caller may see")
    public List<User> list(@Context SecurityContext security) {
        return users.listUsers(ActorPrincipal.of(security));
    }

    @GET
    @Path("users/{id}")
    @Operation(summary = "Read a user")
    public User get(@PathParam("id") long id, @Context SecurityContext security) {
        return users.getUser(ActorPrincipal.of(security), id);
    }

    @POST
    @Path("users")
    @Operation(summary = "Create a user (admin)")
    public Response create(UserDraft draft, @Context SecurityContext security, @Context UriInfo uri) {
        if (draft == null) {
            throw new ValidationException("", "send the user as a JSON object");
        }
        User user = users.createUser(ActorPrincipal.of(security), draft);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(user.id())).build()).entity(user).build();
    }

    @PUT
    @Path("users/{id}")
    @Operation(summary = "Change a user (admin); omit password to keep it, set active=false to deactivate")
    public User update(@PathParam("id") long id, UserDraft draft, @Context SecurityContext security) {
        if (draft == null) {
            throw new ValidationException("", "send the user as a JSON object");
        }
        return users.updateUser(ActorPrincipal.of(security), id, draft);
    }

    @GET
    @Path("teams")
    @Operation(summary = "List teams")
    public List<Team> teams(@Context SecurityContext security) {
        return users.listTeams(ActorPrincipal.of(security));
    }

    @POST
    @Path("teams")
    @Operation(summary = "Create a team (admin)")
    public Response createTeam(TeamRequest request, @Context SecurityContext security, @Context UriInfo uri) {
        if (request == null) {
            throw new ValidationException("name", "is required");
        }
        Team team = users.createTeam(ActorPrincipal.of(security), request.name());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(team.id())).build()).entity(team).build();
    }
}
