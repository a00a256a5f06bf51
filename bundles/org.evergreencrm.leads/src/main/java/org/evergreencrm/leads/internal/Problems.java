package org.evergreencrm.leads.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

/** RFC 7807 problem responses for the public intake servlets (the REST API has its own mappers). */
final class Problems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    static void send(HttpServletResponse resp, int status, String title, String detail, String field) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/problem+json;charset=utf-8");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail == null || detail.length() <= 300 ? detail : detail.substring(0, 297) + "...");
        if (field != null) {
            p.put("field", field);
        }
        byte[] body = JSON.writeValueAsBytes(p);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
