package org.evergreencrm.ops.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * {@code GET /metrics} in the Prometheus text format, for this node. Who may scrape is configured
 * ({@code metricsAccess}): from this machine only (default), with a bearer token, or anyone.
 */
@Component(service = Servlet.class, configurationPid = "org.evergreencrm.ops", property = {
    "osgi.http.whiteboard.servlet.pattern=/metrics",
    "osgi.http.whiteboard.servlet.name=evergreen-metrics"})
@Designate(ocd = OpsConfig.class)
public final class MetricsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private final transient Metrics metrics;
    private final transient DomainGauges gauges;
    private transient volatile OpsConfig config;

    @Activate
    public MetricsServlet(@Reference Metrics metrics, @Reference DomainGauges gauges, OpsConfig config) {
        this.metrics = metrics;
        this.gauges = gauges;
        this.config = config;
    }

    @Modified
    void modified(OpsConfig updated) {
        this.config = updated;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String refusal = refusal(config, req.getRemoteAddr(), req.getHeader("Authorization"));
        if (refusal != null) {
            resp.setStatus(403);
            resp.setContentType("application/problem+json;charset=utf-8");
            resp.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\""
                    + refusal + "\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        gauges.refresh();
        resp.setStatus(200);
        resp.setContentType(CONTENT_TYPE);
        resp.getOutputStream().write(metrics.scrape().getBytes(StandardCharsets.UTF_8));
    }

    /** Why this request may not scrape, or {@code null}. */
    static String refusal(OpsConfig c, String remoteAddress, String authorization) {
        switch (c.metricsAccess().trim().toLowerCase(Locale.ROOT)) {
            case "open":
                return null;
            case "token":
                String token = c.metricsToken();
                String expected = "Bearer " + token;
                boolean ok = token != null && !token.isBlank() && authorization != null && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), authorization.trim().getBytes(StandardCharsets.UTF_8));
                return ok ? null : "send Authorization: Bearer <the configured metrics token>";
            default:
                return loopback(remoteAddress) ? null : "metrics are served to this machine only (metricsAccess=localhost)";
        }
    }

    private static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
