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

    /** At most this many field errors, each message and the detail cut to {@value #MAX_TEXT} characters. */
    static final int MAX_ERRORS = 50;
    static final int MAX_TEXT = 500;

    public static Problem of(int status, String title, String detail, List<FieldError> errors) {
        List<FieldError> cut = errors == null ? List.of() : errors.stream().limit(MAX_ERRORS)
                .map(e -> new FieldError(text(e.field()), text(e.message()))).toList();
        String field = cut.isEmpty() ? null : cut.get(0).field();
        return new Problem("about:blank", title, status, text(detail), null, field, cut);
    }

    /** Error texts never carry a request's bulk back (a 10 MB field is not answered with 20 MB) nor a NUL. */
    private static String text(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace('\u0000', '?');
        return t.length() <= MAX_TEXT ? t : t.substring(0, MAX_TEXT - 3) + "...";
    }
}
