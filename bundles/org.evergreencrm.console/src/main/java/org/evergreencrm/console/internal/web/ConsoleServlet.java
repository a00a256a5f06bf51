package org.evergreencrm.console.internal.web;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The console at {@code /console/}: its page, its own files ({@code console/} in this bundle, by screen) and the
 * front-end libraries from the WebJars embedded here ({@code /console/lib/<name>/<file>}). The page's import map is
 * inline, so its Content-Security-Policy allows exactly that script by hash, plus {@code 'unsafe-eval'} for Vue's
 * in-browser template compiler (no build step: docs/console.md says why). Libraries are cached for a day; the page and
 * our files are revalidated on every load so an upgrade shows at once.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/console/*",
    "osgi.http.whiteboard.servlet.name=evergreen-console"})
public final class ConsoleServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of("html", "text/html;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8", "css", "text/css;charset=UTF-8", "svg", "image/svg+xml",
            "png", "image/png", "json", "application/json");
    private static final Map<String, String> LIBRARIES = Map.of(
            "vue", "META-INF/resources/webjars/vue/3.5.26/dist/",
            "vue-router", "META-INF/resources/webjars/vue-router/4.3.0/dist/",
            "devtools-api", "META-INF/resources/webjars/vue__devtools-api/6.6.4/lib/esm/",
            "chart.js", "META-INF/resources/webjars/chart.js/4.5.1/dist/",
            "kurkle-color", "META-INF/resources/webjars/kurkle__color/0.3.4/dist/");
    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);
    private final transient Bundle bundle;
    private final transient StaticFiles files = new StaticFiles();
    private final byte[] page;
    private final String policy;

    @Activate
    public ConsoleServlet(BundleContext context) throws IOException {
        this.bundle = context.getBundle();
        this.page = read(bundle.getEntry("console/index.html"));
        String html = new String(page, StandardCharsets.UTF_8);
        Matcher m = IMPORT_MAP.matcher(html);
        String hash = m.find() ? "'sha256-" + sha256(m.group(1)) + "'" : "";
        this.policy = "default-src 'self'; script-src 'self' 'unsafe-eval' " + hash + "; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null) {
            resp.sendRedirect("/console/");
            return;
        }
        if (path.contains("..") || path.contains("//") || path.contains("\\")) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (path.equals("/") || path.equals("/index.html")) {
            resp.setContentType(TYPES.get("html"));
            resp.setHeader("Content-Security-Policy", policy);
            resp.setHeader("Cache-Control", "no-cache");
            resp.getOutputStream().write(page);
            return;
        }
        String entry;
        boolean library = path.startsWith("/lib/");
        if (library) {
            String rest = path.substring(5);
            int slash = rest.indexOf('/');
            String base = slash < 0 ? null : LIBRARIES.get(rest.substring(0, slash));
            entry = base == null ? null : base + rest.substring(slash + 1);
        } else {
            entry = "console" + path;
        }
        URL url = entry == null ? null : bundle.getEntry(entry);
        if (url == null || entry.endsWith("/")) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String ext = entry.substring(entry.lastIndexOf('.') + 1);
        resp.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
        resp.setHeader("Cache-Control", library ? "public, max-age=86400" : "no-cache");
        resp.setHeader("Pragma", null);
        StaticFiles.send(files.get(entry, url), req, resp);
    }

    private static byte[] read(URL url) throws IOException {
        if (url == null) {
            throw new IOException("console/index.html is missing from the console bundle");
        }
        return StaticFiles.read(url);
    }

    private static String sha256(String s) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
