package org.evergreencrm.ops.internal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.micrometer.core.instrument.Timer;

/**
 * Times every HTTP request as {@code http_server_requests_seconds{method, uri, status}} with the endpoint as a
 * bounded template ({@link EndpointTemplates}); the claim latency of the call queue is the series of
 * {@code POST /api/v1/queue/next}.
 */
@Component(service = Filter.class, configurationPid = "org.evergreencrm.ops", property = {
    "osgi.http.whiteboard.filter.pattern=/*",
    "osgi.http.whiteboard.filter.name=evergreen-http-metrics",
    // every context but those that ask to be left alone (a WebSocket-only context: docs/console.md)
    "osgi.http.whiteboard.context.select=(&(osgi.http.whiteboard.context.name=*)(!(evergreen.unfiltered=true)))",
    "service.ranking:Integer=2000"})
public final class HttpMetricsFilter implements Filter {
    private final Metrics metrics;
    private final EndpointTemplates templates;

    @Activate
    public HttpMetricsFilter(@Reference Metrics metrics, OpsConfig config) {
        this.metrics = metrics;
        this.templates = new EndpointTemplates(config.maxEndpoints());
    }

    @Override
    public void init(FilterConfig filterConfig) {
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(req, res);
        } finally {
            if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response) {
                int status = response.getStatus();
                Timer.builder("http.server.requests").description("HTTP requests by endpoint template")
                        .tag("method", request.getMethod()).tag("uri", templates.of(request.getRequestURI(), status))
                        .tag("status", Integer.toString(status))
                        .register(metrics.registry()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        }
    }

    @Override
    public void destroy() {
    }
}
