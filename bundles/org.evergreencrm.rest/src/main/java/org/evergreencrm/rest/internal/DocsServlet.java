package org.evergreencrm.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Swagger UI at {@code /docs/}: our page and start script, plus the static files of the Swagger UI webjar
 * embedded in this bundle (under {@code /docs/ui/}). Public: it only shows the API, every call still needs a login.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/docs/*",
    "osgi.http.whiteboard.servlet.name=evergreen-docs"})
public final class DocsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of("html", "text/html;charset=UTF-8",
            "js", "application/javascript;charset=UTF-8", "css", "text/css;charset=UTF-8", "png", "image/png",
            "json", "application/json", "map", "application/json");
    private final transient Bundle bundle;
    private final String webjarPath;

    @Activate
    public DocsServlet(BundleContext context) {
        this.bundle = context.getBundle();
        this.webjarPath = bundle.getHeaders().get("Evergreen-SwaggerUi-Path");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null) {
            resp.sendRedirect(req.getContextPath() + req.getServletPath() + "/");
            return;
        }
        if (path.contains("..") || path.contains("//")) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String entry;
        if (path.equals("/ui/") || path.equals("/ui/index.html")) {
            // the webjar's own page would load the petstore example from the internet: ours is at /docs/
            resp.sendRedirect(req.getContextPath() + req.getServletPath() + "/");
            return;
        }
        if (path.equals("/")) {
            entry = "docs/index.html";
        } else if (path.equals("/ui/swagger-initializer.js")) {
            entry = "docs/init.js";
        } else if (path.equals("/init.js")) {
            entry = "docs/init.js";
        } else if (path.startsWith("/ui/")) {
            entry = webjarPath + path.substring(3);
        } else {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        URL url = bundle.getEntry(entry);
        if (url == null) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String ext = entry.substring(entry.lastIndexOf('.') + 1);
        resp.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
        resp.setHeader("Cache-Control", entry.startsWith("docs/") ? "no-cache" : "public, max-age=86400");
        try (InputStream in = url.openStream()) {
            in.transferTo(resp.getOutputStream());
        }
    }
}
