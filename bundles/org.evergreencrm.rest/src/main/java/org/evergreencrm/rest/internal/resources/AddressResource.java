package org.evergreencrm.rest.internal.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.evergreencrm.api.FieldError;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.address.AddressService;
import org.evergreencrm.api.address.AddressSuggestion;
import org.evergreencrm.api.address.AddressVerification;
import org.evergreencrm.api.address.ContactAddress;
import org.evergreencrm.api.address.ZipDirectory;
import org.evergreencrm.api.address.ZipImport;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.rest.internal.ActorPrincipal;
import org.evergreencrm.rest.internal.dto.AddressRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Addresses (docs/address.md): offline verification and autocomplete for forms (reference data only, any signed-in
 * user), a contact's standardized address under the contact's access rule, ZIP data imports for admins. Answers 503
 * while the address bundle is not installed.
 */
@Path("/addresses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "addresses")
public final class AddressResource {
    private static final int MAX_LINES = 10;
    private static final int MAX_LINE = 300;
    private final Supplier<AddressService> service;

    public AddressResource(Supplier<AddressService> service) {
        this.service = service;
    }

    @POST
    @Path("/verify")
    @Operation(summary = "Standardize and geocode one address: candidates, what changed, deliverability (offline: not verified)",
            description = "Body: {\"lines\": [\"123 n main st apt 4\", \"springfield il 62704\"]} or the fields line1, line2, city, "
                    + "state, postalCode, country. Addresses of other countries are kept as typed and say so.")
    public AddressVerification verify(AddressRequest request, @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        if (request == null) {
            throw new ValidationException("lines", "give the address as lines or as line1, city, state, postalCode");
        }
        boolean fields = Stream.of(request.line1(), request.line2(), request.city(), request.state(), request.postalCode(),
                request.country()).anyMatch(s -> s != null && !s.isBlank());
        List<FieldError> errors = new ArrayList<>();
        if (request.lines() != null && fields) {
            errors.add(new FieldError("lines", "give either lines or the address fields, not both"));
        }
        if (request.lines() != null) {
            checkLines(errors, request.lines());
        } else {
            if (!fields) {
                errors.add(new FieldError("lines", "give the address as lines or as line1, city, state, postalCode"));
            }
            check(errors, "line1", request.line1());
            check(errors, "line2", request.line2());
            check(errors, "city", request.city());
            check(errors, "state", request.state());
            check(errors, "postalCode", request.postalCode());
            check(errors, "country", request.country());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (request.lines() != null) {
            return service().verify(actor, request.lines());
        }
        return service().verify(actor, new PostalAddress(request.line1(), request.line2(), request.city(), request.state(),
                request.postalCode(), request.country()));
    }

    @GET
    @Path("/autocomplete")
    @Operation(summary = "Suggestions for a partly typed address, from the ZIP directory (fast enough for every keystroke)",
            description = "q: what was typed (\"123 main st, springf\", \"62 7\", \"Springfield IL 627\"); max 1-50, default 10.")
    public List<AddressSuggestion> autocomplete(@QueryParam("q") String q, @QueryParam("max") String max,
            @Context SecurityContext security) {
        if (q == null) {
            throw new ValidationException("q", "is required: the address typed so far");
        }
        if (q.length() > MAX_LINE) {
            throw new ValidationException("q", "is longer than " + MAX_LINE + " characters");
        }
        int n = QueryParams.parseInt("max", max, 10);
        if (n < 1 || n > 50) {
            throw new ValidationException("max", "must be between 1 and 50");
        }
        return service().autocomplete(ActorPrincipal.of(security), q, n);
    }

    @GET
    @Path("/contacts/{contactId}")
    @Operation(summary = "A contact's typed address beside its standardized form (source, time, precision, time zone)",
            description = "Follows the contact's access rule; 404 when the contact has no standardized address yet.")
    public ContactAddress ofContact(@PathParam("contactId") long contactId, @Context SecurityContext security) {
        return service().ofContact(ActorPrincipal.of(security), contactId).orElseThrow(() ->
                new org.evergreencrm.api.NotFoundException("standardized address of contact", contactId));
    }

    @POST
    @Path("/contacts/{contactId}/standardize")
    @Operation(summary = "Standardize a contact's typed address again now and store the result",
            description = "For whoever may change the contact. The typed address is never changed.")
    public ContactAddress standardize(@PathParam("contactId") long contactId, @Context SecurityContext security) {
        return service().standardizeContact(ActorPrincipal.of(security), contactId);
    }

    @GET
    @Path("/zip-status")
    @Operation(summary = "What the ZIP directory knows: ZIPs imported, from where, or that it works at state level only")
    public ZipDirectory.ZipDataStatus zipStatus() {
        return service().zipStatus();
    }

    @POST
    @Path("/zip-imports")
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, "application/gzip"})
    @Operation(summary = "Import GeoNames US postal data (admin): the tab-separated US.txt, gzip'd or not",
            description = "Replaces the ZIPs it holds; refused rows are listed with their line numbers and reasons. name: a label for the source.")
    public ZipImport importZips(InputStream body, @QueryParam("name") String name, @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        if (!actor.isAdmin()) {
            throw new org.evergreencrm.api.AccessDeniedException("only an admin may import ZIP data");
        }
        java.nio.file.Path spool;
        try {
            spool = Files.createTempFile("evergreen-zips", ".upload");
            Files.copy(body, spool, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = Files.newInputStream(spool, StandardOpenOption.DELETE_ON_CLOSE)) {
            return service().importZips(actor, name == null || name.isBlank() ? "upload" : name, in, n -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("/zip-imports")
    @Operation(summary = "ZIP data imports, newest first (admin)")
    public List<ZipImport> zipImports(@Context SecurityContext security) {
        return service().zipImports(ActorPrincipal.of(security));
    }

    private static void check(List<FieldError> errors, String field, String value) {
        if (value != null && value.length() > MAX_LINE) {
            errors.add(new FieldError(field, "is longer than " + MAX_LINE + " characters"));
        }
    }

    private static void checkLines(List<FieldError> errors, List<String> lines) {
        if (lines.size() > MAX_LINES) {
            errors.add(new FieldError("lines", "at most " + MAX_LINES + " lines"));
        }
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l == null) {
                errors.add(new FieldError("lines[" + i + "]", "is null"));
            } else if (l.length() > MAX_LINE) {
                errors.add(new FieldError("lines[" + i + "]", "is longer than " + MAX_LINE + " characters"));
            }
        }
    }

    @PUT
    @Path("/contacts/{contactId}/standard")
    @Operation(summary = "Set a contact's standardized address by hand (source MANUAL), kept until the typed address changes",
            description = "Body: {\"lines\": [\"123 N MAIN ST APT 4\", \"SPRINGFIELD IL 62704\"]}. Read and geocoded offline, "
                    + "never claimed as verified. For whoever may change the contact.")
    public ContactAddress setByHand(@PathParam("contactId") long contactId, AddressRequest request, @Context SecurityContext security) {
        Actor actor = ActorPrincipal.of(security);
        if (request == null || request.lines() == null || request.lines().isEmpty()) {
            throw new ValidationException("lines", "give the standardized address as lines");
        }
        List<FieldError> errors = new ArrayList<>();
        checkLines(errors, request.lines());
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return service().setContactAddress(actor, contactId, request.lines());
    }

    private AddressService service() {
        AddressService s = service.get();
        if (s == null) {
            throw new ServiceUnavailableException("addresses are not available: the address bundle is not running");
        }
        return s;
    }
}
