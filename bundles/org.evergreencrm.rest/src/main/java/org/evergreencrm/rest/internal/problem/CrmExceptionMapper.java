package org.evergreencrm.rest.internal.problem;

import java.util.List;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.ConflictException;
import org.evergreencrm.api.CrmException;
import org.evergreencrm.api.FieldError;
import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.ValidationException;

/** Service errors to problem+json: 400 validation, 403 access, 404 missing, 409 conflict. */
public final class CrmExceptionMapper implements ExceptionMapper<CrmException> {
    @Override
    public Response toResponse(CrmException e) {
        if (e instanceof ValidationException v) {
            return Problems.response(400, "Invalid request", v.getMessage(), v.errors());
        }
        if (e instanceof AccessDeniedException) {
            return Problems.response(403, "Forbidden", e.getMessage());
        }
        if (e instanceof NotFoundException) {
            return Problems.response(404, "Not found", e.getMessage());
        }
        if (e instanceof ConflictException c) {
            List<FieldError> errors = c.field() == null ? List.of() : List.of(new FieldError(c.field(), c.getMessage()));
            return Problems.response(409, "Conflict", e.getMessage(), errors);
        }
        if (e instanceof org.evergreencrm.api.TooManyAttemptsException t) {
            long seconds = t.retryAt() == null ? 60
                    : Math.max(1, java.time.Duration.between(java.time.Instant.now(), t.retryAt()).toSeconds());
            return Response.fromResponse(Problems.response(429, "Too many requests", e.getMessage()))
                    .header("Retry-After", Long.toString(seconds)).build();
        }
        return Problems.response(500, "Internal error", e.getMessage());
    }
}
