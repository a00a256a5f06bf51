package org.evergreencrm.web.internal;

import java.io.IOException;

import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

/** The response whose {@code sendError} answers problem+json instead of the container's HTML error page. */
final class ProblemResponse extends HttpServletResponseWrapper {
    ProblemResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void sendError(int sc) throws IOException {
        sendError(sc, null);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        // the container's message may quote the request; the standard detail for the status is enough
        ProblemJson.write((HttpServletResponse) getResponse(), sc, sc == 405 || sc == 404 || sc >= 500 ? null : msg, null);
    }
}
