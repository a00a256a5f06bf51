package org.evergreencrm.ops.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.evergreencrm.api.store.StoreInfo;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code GET /health}: liveness (the process answers HTTP: 200). {@code GET /health/ready}: readiness (200 when
 * {@link Readiness} passes, else 503), for load balancers and orchestrators. No sign-in; nothing sensitive.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/health",
    "osgi.http.whiteboard.servlet.pattern=/health/*",
    "osgi.http.whiteboard.servlet.name=evergreen-health"})
public final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient BundleContext context;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    transient volatile StoreInfo store;

    @Activate
    public HealthServlet(BundleContext context) {
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (req.getServletPath().equals("/health") && (path == null || path.equals("/"))) {
            write(resp, 200, "{\"status\":\"UP\"}");
            return;
        }
        if ("/ready".equals(path)) {
            Readiness.Result r = Readiness.check(store, context);
            StringBuilder json = new StringBuilder("{\"status\":\"").append(r.ready() ? "UP" : "DOWN").append("\",\"checks\":{");
            int i = 0;
            for (Map.Entry<String, String> e : r.checks().entrySet()) {
                json.append(i++ == 0 ? "" : ",").append('"').append(e.getKey()).append("\":\"").append(e.getValue()).append('"');
            }
            write(resp, r.ready() ? 200 : 503, json.append("}}").toString());
            return;
        }
        resp.sendError(404);
    }

    private static void write(HttpServletResponse resp, int status, String json) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json;charset=utf-8");
        resp.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
}
