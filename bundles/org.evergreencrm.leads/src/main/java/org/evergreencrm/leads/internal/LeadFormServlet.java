package org.evergreencrm.leads.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.lead.IncomingLead;
import org.evergreencrm.api.lead.Lead;
import org.evergreencrm.api.lead.LeadIntake;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;


/**
 * The public web-form endpoint {@code POST /intake/forms/{formKey}} (no login: the form key says which form).
 * Accepts {@code application/x-www-form-urlencoded} and JSON; answers 202 with the lead id, or 303 to the form's
 * {@code _redirect} URL when it is on an allowed origin. A filled-in honeypot field is kept as a SPAM dead letter
 * (and answered like a success, so bots learn nothing); too many posts from one address get 429.
 */
@Component(service = Servlet.class, configurationPid = "org.evergreencrm.leads", property = {
    "osgi.http.whiteboard.servlet.pattern=/intake/forms/*", "osgi.http.whiteboard.servlet.name=evergreen-lead-forms"})
public final class LeadFormServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 64 * 1024;
    private final transient LeadIntake intake;
    private final Set<String> forms;
    private final Set<String> origins;
    private final String honeypot;
    private final int perMinute;
    private final transient Map<String, long[]> windows = new ConcurrentHashMap<>();

    @Activate
    public LeadFormServlet(@Reference LeadIntake intake, LeadsConfig config) {
        this.intake = intake;
        this.forms = csv(config.formKeys());
        this.origins = csv(config.corsOrigins());
        this.honeypot = config.honeypotField();
        this.perMinute = Math.max(1, config.rateLimitPerMinute());
    }

    private static Set<String> csv(String s) {
        return Arrays.stream(s == null ? new String[0] : s.split(",")).map(String::trim).filter(x -> !x.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) {
        cors(req, resp);
        resp.setHeader("Access-Control-Allow-Methods", "POST, OPTIONS");
        resp.setHeader("Access-Control-Allow-Headers", "Content-Type");
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        cors(req, resp);
        String key = req.getPathInfo() == null ? "" : req.getPathInfo().replaceFirst("^/", "");
        if (!forms.contains(key)) {
            Problems.send(resp, 404, "Unknown form", "no web form with key '" + key + "'", "formKey");
            return;
        }
        if (!allow(req.getRemoteAddr())) {
            resp.setHeader("Retry-After", "60");
            Problems.send(resp, 429, "Too many requests", "at most " + perMinute + " form posts per minute from one address", null);
            return;
        }
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("application/json")) {
            Problems.send(resp, 415, "Unsupported media type", "send application/x-www-form-urlencoded or application/json", null);
            return;
        }
        byte[] body = req.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            Problems.send(resp, 413, "Payload too large", "at most 64 KiB", null);
            return;
        }
        String payload;
        Map<String, String> fields;
        try {
            payload = LeadPayloads.utf8(body);
            fields = LeadPayloads.fields(payload);
        } catch (ValidationException e) {
            Problems.send(resp, 400, "Invalid request", e.getMessage(), "body");
            return;
        }
        String id = fields.getOrDefault("submissionId", "");
        IncomingLead lead = new IncomingLead("web-form:" + key, id.isBlank() ? UUID.randomUUID().toString() : id.trim(), fields,
                payload, Instant.now());
        String redirect = redirect(fields.get("_redirect"));
        if (!fields.getOrDefault(honeypot, "").isBlank()) {
            intake.reject(lead, "SPAM", "honeypot field '" + honeypot + "' was filled in");
            accepted(resp, null, redirect);
            return;
        }
        try {
            Lead stored = intake.submit(lead);
            accepted(resp, stored.id(), redirect);
        } catch (ValidationException e) {
            Problems.send(resp, 400, "Invalid request", e.getMessage(), e.errors().get(0).field());
        } catch (RuntimeException e) {
            Problems.send(resp, 500, "Not taken in yet", "the lead was kept and will be replayed: " + e.getMessage(), null);
        }
    }

    private void accepted(HttpServletResponse resp, Long leadId, String redirect) throws IOException {
        if (redirect != null) {
            resp.setStatus(303);
            resp.setHeader("Location", redirect);
            return;
        }
        resp.setStatus(202);
        resp.setContentType("application/json");
        resp.getWriter().write(leadId == null ? "{\"status\":\"ACCEPTED\"}" : "{\"status\":\"ACCEPTED\",\"leadId\":" + leadId + "}");
    }

    /** A redirect only to an allowed origin, never an open redirect. */
    private String redirect(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI u = URI.create(url.trim());
            String origin = u.getScheme() + "://" + u.getAuthority();
            return origins.contains(origin) ? u.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void cors(HttpServletRequest req, HttpServletResponse resp) {
        String origin = req.getHeader("Origin");
        if (origin != null && origins.contains(origin)) {
            resp.setHeader("Access-Control-Allow-Origin", origin);
            resp.setHeader("Vary", "Origin");
        }
    }

    /** A fixed one-minute window per client address. */
    private boolean allow(String client) {
        long minute = System.currentTimeMillis() / 60_000;
        long[] w = windows.compute(client, (k, v) -> v == null || v[0] != minute ? new long[] {minute, 1} : new long[] {minute, v[1] + 1});
        if (windows.size() > 10_000) {
            windows.entrySet().removeIf(e -> e.getValue()[0] != minute);
        }
        return w[1] <= perMinute;
    }
}
