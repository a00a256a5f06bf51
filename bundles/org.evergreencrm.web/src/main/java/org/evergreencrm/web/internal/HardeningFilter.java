package org.evergreencrm.web.internal;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In front of every Evergreen servlet (the REST API, the public intake endpoints, the docs): refuses request lines
 * that could reach another servlet or smuggle control characters, bounds request bodies, sends the security headers,
 * and answers every error the container itself would render as HTML with {@code application/problem+json}.
 */
@Component(service = Filter.class, configurationPid = "org.evergreencrm.web", property = {
    "osgi.http.whiteboard.filter.pattern=/*",
    "osgi.http.whiteboard.filter.name=evergreen-hardening",
    "osgi.http.whiteboard.filter.dispatcher=REQUEST",
    "osgi.http.whiteboard.filter.dispatcher=ERROR",
    // every context but those that ask to be left alone (a WebSocket-only context: docs/console.md)
    "osgi.http.whiteboard.context.select=(&(osgi.http.whiteboard.context.name=*)(!(evergreen.unfiltered=true)))",
    "service.ranking:Integer=1000"})
@Designate(ocd = WebConfig.class)
public final class HardeningFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(HardeningFilter.class);
    private volatile WebConfig config;

    @Activate
    public HardeningFilter(WebConfig config) {
        this.config = config;
    }

    @Modified
    void modified(WebConfig updated) {
        this.config = updated;
    }

    @Override
    public void init(javax.servlet.FilterConfig filterConfig) {
    }

    @Override
    public void destroy() {
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        WebConfig c = config;
        SecurityHeaders.apply(request, response, c);
        String bad = RequestChecks.badPath(request.getRequestURI());
        if (bad != null) {
            ProblemJson.write(response, 400, bad, "path");
            return;
        }
        long limit = limitFor(request.getRequestURI(), c);
        if (request.getContentLengthLong() > limit) {
            ProblemJson.write(response, 413, "the body is " + request.getContentLengthLong() + " bytes; at most " + limit
                    + " are accepted here", "body");
            return;
        }
        ProblemResponse wrapped = new ProblemResponse(response);
        try {
            chain.doFilter(new LimitedRequest(request, limit), wrapped);
        } catch (BodyTooLargeException e) {
            ProblemJson.write(response, 413, e.getMessage(), "body");
        } catch (IOException | ServletException | RuntimeException e) {
            answerFailure(request, response, e);
        }
    }

    /** Failures the servlets did not answer themselves: bad input the container rejected, else a logged 500. */
    private static void answerFailure(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException big) {
                ProblemJson.write(response, 413, big.getMessage(), "body");
                return;
            }
            if (t instanceof org.eclipse.jetty.http.BadMessageException bad) {
                ProblemJson.write(response, bad.getCode(), "the request could not be read: " + bad.getReason(), "body");
                return;
            }
            if (t instanceof IllegalStateException && t.getMessage() != null && t.getMessage().contains("Form")) {
                // Jetty's own bound on form bodies (maxFormContentSize, maxFormKeys)
                ProblemJson.write(response, 413, "the form is larger than accepted here", "body");
                return;
            }
            if (t instanceof IllegalArgumentException || t instanceof java.nio.charset.CharacterCodingException) {
                ProblemJson.write(response, 400, "the request could not be read: " + t.getMessage(), "body");
                return;
            }
            if (t instanceof org.eclipse.jetty.io.EofException) {
                return; // the client went away
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("{} {} failed, incident {}", request.getMethod(), request.getRequestURI(), incident, e);
        ProblemJson.write(response, 500, "the server failed; incident " + incident + " is in its log", null);
    }

    static long limitFor(String uri, WebConfig c) {
        for (String entry : List.of(c.uploadPaths())) {
            for (String prefix : entry.split(",")) { // a .cfg file gives the list as one comma-separated value
                if (uri != null && !prefix.isBlank() && uri.startsWith(prefix.trim())) {
                    return c.maxUploadBytes();
                }
            }
        }
        return c.maxBodyBytes();
    }
}
