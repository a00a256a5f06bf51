package org.evergreencrm.web.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's server-wide error handler, for what Jetty refuses before any servlet or filter runs (a request line too
 * long: 414, headers too large: 431, an unparsable request: 400) and errors outside every context: problem+json,
 * never an HTML page, never the server's version or a stack trace.
 */
final class ProblemErrorHandler extends ErrorHandler {
    ProblemErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
        setShowMessageInTitle(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        fields.put(HttpHeader.CONTENT_TYPE, ProblemJson.MEDIA_TYPE + ";charset=utf-8");
        fields.put("X-Content-Type-Options", "nosniff");
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return ByteBuffer.wrap(ProblemJson.of(status, null, null).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
            int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType(ProblemJson.MEDIA_TYPE + ";charset=utf-8");
        response.getOutputStream().write(ProblemJson.of(code, null, null).getBytes(StandardCharsets.UTF_8));
    }
}
