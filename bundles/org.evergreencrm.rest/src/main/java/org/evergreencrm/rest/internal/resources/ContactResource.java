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
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.evergreencrm.api.Page;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactQuery;
import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.contact.ContactStatus;
import org.evergreencrm.api.contact.DuplicateMatch;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.rest.internal.ActorPrincipal;
import org.evergreencrm.rest.internal.dto.ContactPage;
import org.evergreencrm.rest.internal.dto.ContactResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Contacts and leads: create, read, replace, delete, search. */
@Path("/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "contacts")
public final class ContactResource {
    private final ContactService contacts;

    public ContactResource(ContactService contacts) {
        this.contacts = contacts;
    }

    @POST
    @Operation(summary = "Create a contact", description = "Reps own what they create; managers may assign to their team; admins to anyone or nobody.")
    public Response create(ContactDraft draft, @Context SecurityContext security, @Context UriInfo uri) {
        Actor actor = ActorPrincipal.of(security);
        List<DuplicateMatch> duplicates = contacts.duplicatesOf(actor, requireBody(draft), null);
        Contact created = contacts.create(actor, draft);
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build();
        return Response.created(location).tag(etag(created)).entity(new ContactResponse(created, duplicates)).build();
    }

    @POST
    @Path("/duplicate-check")
    @Operation(summary = "Which existing contacts look like this one", description = "Writes nothing. Each match has a probability, AUTO_MERGE or REVIEW, and a field-by-field explanation (empty for contacts you may not see).")
    public List<DuplicateMatch> duplicateCheck(ContactDraft draft, @Context SecurityContext security) {
        return contacts.duplicatesOf(ActorPrincipal.of(security), requireBody(draft), null);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a contact", description = "The ETag is the contact's version; send it back as If-Match when updating.")
    public Response get(@PathParam("id") long id, @Context SecurityContext security) {
        Contact contact = contacts.get(ActorPrincipal.of(security), id);
        return Response.ok(contact).tag(etag(contact)).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a contact's writable fields", description = "With If-Match, refused (409) unless the stored version still matches.")
    public Response update(@PathParam("id") long id, ContactDraft draft,
            @Parameter(description = "the ETag of the version you edited") @HeaderParam("If-Match") String ifMatch,
            @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        List<DuplicateMatch> duplicates = contacts.duplicatesOf(actor, requireBody(draft), id);
        Contact updated = contacts.update(actor, id, draft, version(ifMatch));
        return Response.ok(new ContactResponse(updated, duplicates)).tag(etag(updated)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a contact", description = "Soft delete: kept for audit, gone for every read.")
    public Response delete(@PathParam("id") long id, @Context SecurityContext security) {
        contacts.delete(ActorPrincipal.of(security), id);
        return Response.noContent().build();
    }

    @GET
    @Operation(summary = "Search contacts", description = "Newest first, keyset-paginated: pass nextCursor as cursor. All filters combine with AND.")
    public Response search(
            @Parameter(description = "words found in names, emails, phones, street, city, postcode") @QueryParam("q") String text,
            @QueryParam("ownerId") String ownerId,
            @Parameter(description = "NEW, WORKING, NURTURING, QUALIFIED, UNQUALIFIED or CUSTOMER") @QueryParam("status") String status,
            @QueryParam("tag") String tag,
            @Parameter(description = "created at or after: 2026-05-01 or 2026-05-01T12:00:00Z") @QueryParam("createdFrom") String createdFrom,
            @Parameter(description = "created before (exclusive)") @QueryParam("createdTo") String createdTo,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "page size, 1 to 500 (default 50)") @QueryParam("limit") String limit,
            @Context SecurityContext security, @Context UriInfo uri) {
        ContactQuery query = new ContactQuery(text, QueryParams.parseLong("ownerId", ownerId),
                QueryParams.parseEnum("status", status, ContactStatus.class), blankToNull(tag),
                QueryParams.parseInstant("createdFrom", createdFrom), QueryParams.parseInstant("createdTo", createdTo),
                blankToNull(cursor), QueryParams.parseInt("limit", limit, 0));
        if (query.limit() == 0 && limit != null && !limit.isBlank()) {
            throw new ValidationException("limit", "1 to " + ContactQuery.MAX_LIMIT);
        }
        Page<Contact> page = contacts.search(ActorPrincipal.of(security), query);
        Response.ResponseBuilder response = Response.ok(new ContactPage(page.items(), page.nextCursor()));
        if (page.nextCursor() != null) {
            response.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build(), "next");
        }
        return response.build();
    }

    private static ContactDraft requireBody(ContactDraft draft) {
        if (draft == null) {
            throw new ValidationException("", "send the contact as a JSON object");
        }
        return draft;
    }

    private static EntityTag etag(Contact contact) {
        return new EntityTag(Long.toString(contact.version()));
    }

    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.valueOf(v);
        } catch (NumberFormatException e) {
            throw new ValidationException("If-Match", "is not an ETag this API returned");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
