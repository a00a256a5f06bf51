package org.evergreencrm.rest.internal.dto;

import java.util.List;

import org.evergreencrm.api.FieldError;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code errors} lists every field at fault; {@code field} repeats the first one
 * for clients that only show one.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String field,
        List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail, List<FieldError> errors) {
        String field = errors == null || errors.isEmpty() ? null : errors.get(0).field();
        return new Problem("about:blank", title, status, detail, null, field, errors == null ? List.of() : errors);
    }
}
