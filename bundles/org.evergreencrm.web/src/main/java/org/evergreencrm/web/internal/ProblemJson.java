package org.evergreencrm.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** RFC 9457 problem documents for errors that never reach the REST application (the container's own). */
final class ProblemJson {
    static final String MEDIA_TYPE = "application/problem+json";

    private ProblemJson() {
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 408 -> "Request timeout";
            case 411 -> "Length required";
            case 413 -> "Payload too large";
            case 414 -> "URI too long";
            case 415 -> "Unsupported media type";
            case 429 -> "Too many requests";
            case 431 -> "Request header fields too large";
            case 500 -> "Internal error";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Server error" : "Client error";
        };
    }

    static String detail(int status) {
        return switch (status) {
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed here";
            case 413 -> "the request body is larger than this endpoint accepts";
            case 414 -> "the request line is too long";
            case 431 -> "the request headers are too large";
            default -> title(status).toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The problem document; the detail is cut to 300 characters and carries no markup. */
    static String of(int status, String detail, String field) {
        String d = detail == null || detail.isBlank() ? detail(status) : detail;
        if (d.length() > 300) {
            d = d.substring(0, 297) + "...";
        }
        StringBuilder json = new StringBuilder("{\"type\":\"about:blank\",\"title\":\"").append(quote(title(status)))
                .append("\",\"status\":").append(status).append(",\"detail\":\"").append(quote(d)).append('"');
        if (field != null) {
            json.append(",\"field\":\"").append(quote(field)).append("\",\"errors\":[{\"field\":\"").append(quote(field))
                    .append("\",\"message\":\"").append(quote(d)).append("\"}]");
        }
        return json.append('}').toString();
    }

    private static String quote(String s) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(s.replace('\u0000', '?')));
    }

    /** Writes the problem as the whole answer, unless the answer has already started. */
    static void write(HttpServletResponse response, int status, String detail, String field) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE + ";charset=utf-8");
        byte[] body = of(status, detail, field).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
