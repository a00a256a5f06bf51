package org.evergreencrm.web.internal;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

/**
 * The default servlet of the root context: whatever no other servlet serves is a 404 problem+json (not the
 * container's HTML page), whatever the method. A browser asking for {@code /} is sent to the console.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/",
    "osgi.http.whiteboard.servlet.name=evergreen-not-found"})
public final class NotFoundServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String uri = req.getRequestURI();
        if (("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod())) && (uri == null || uri.isEmpty() || uri.equals("/"))) {
            resp.setStatus(HttpServletResponse.SC_FOUND);
            resp.setHeader("Location", "/console/");
            return;
        }
        ProblemJson.write(resp, 404, null, null);
    }
}
