package org.evergreencrm.rest.internal.problem;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

/** JAX-RS errors (404 path, 405, 406, 415, a body CXF could not read) as problem+json. */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return JsonExceptionMapper.of(json);
            }
        }
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        Response.ResponseBuilder builder = Response.fromResponse(Problems.response(status, title, detail(status, e)));
        if (original != null && original.getHeaderString("Allow") != null) {
            builder.header("Allow", original.getHeaderString("Allow"));
        }
        return builder.build();
    }

    private static String detail(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed here";
            case 406 -> "this resource answers application/json only";
            case 415 -> "send the body as application/json";
            default -> e.getMessage();
        };
    }
}
