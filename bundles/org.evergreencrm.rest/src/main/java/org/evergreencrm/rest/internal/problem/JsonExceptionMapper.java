package org.evergreencrm.rest.internal.problem;

import java.util.List;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.evergreencrm.api.FieldError;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** A body that is not JSON, or JSON of the wrong shape: 400 naming the field at fault. */
public final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
        return of(e);
    }

    static Response of(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = path(m);
            String message;
            if (e instanceof UnrecognizedPropertyException) {
                message = "is not a known field";
            } else if (e instanceof InvalidFormatException f) {
                message = "'" + Problems.cut(f.getValue()) + "' is not a valid " + f.getTargetType().getSimpleName()
                        + enumValues(f.getTargetType());
            } else {
                message = "has the wrong type or format: " + e.getOriginalMessage();
            }
            return Problems.response(400, "Invalid request", field + ": " + message, List.of(new FieldError(field, message)));
        }
        return Problems.response(400, "Malformed JSON", e.getOriginalMessage(), List.of(new FieldError("", "the body is not valid JSON")));
    }

    private static String enumValues(Class<?> type) {
        Object[] values = type.getEnumConstants();
        return values == null ? "" : " (one of " + java.util.Arrays.toString(values) + ")";
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
