package org.evergreencrm.rest.internal.problem;

import java.util.List;

import javax.ws.rs.core.Response;

import org.evergreencrm.api.FieldError;
import org.evergreencrm.rest.internal.dto.Problem;

/** Builds problem+json responses. */
public final class Problems {
    private Problems() {
    }

    public static Response response(int status, String title, String detail, List<FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, title, detail, errors)).build();
    }

    /** A value quoted back in an error, cut to a readable length (a huge field is never echoed). */
    public static String cut(Object value) {
        String s = String.valueOf(value).replace('\u0000', '?');
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    public static Response response(int status, String title, String detail) {
        return response(status, title, detail, List.of());
    }
}
