package org.evergreencrm.leads.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;


/**
 * {@code POST /intake/providers/{name}}: a provider's lead as a JSON object, authenticated by
 * {@code X-Evergreen-Signature: sha256=<hex HMAC-SHA256 of the body with the provider's secret>} (403 otherwise).
 * Idempotent on the provider's lead id: a retried delivery answers the stored lead.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/intake/providers/*",
    "osgi.http.whiteboard.servlet.name=evergreen-lead-providers"})
public final class ProviderWebhookServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String SIGNATURE = "X-Evergreen-Signature";
    private final transient LeadIntake intake;
    private final transient Map<String, LeadProvider> providers = new ConcurrentHashMap<>();

    @Activate
    public ProviderWebhookServlet(@Reference LeadIntake intake) {
        this.intake = intake;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeProvider")
    void addProvider(LeadProvider p) {
        providers.put(p.name(), p);
    }

    void removeProvider(LeadProvider p) {
        providers.remove(p.name(), p);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo() == null ? "" : req.getPathInfo().replaceFirst("^/", "");
        LeadProvider provider = providers.get(name);
        if (provider == null) {
            Problems.send(resp, 404, "Unknown provider", "no lead provider named '" + name + "'", null);
            return;
        }
        byte[] body = req.getInputStream().readNBytes(256 * 1024 + 1);
        if (body.length > 256 * 1024) {
            Problems.send(resp, 413, "Payload too large", "at most 256 KiB", null);
            return;
        }
        if (!provider.signed(body, req.getHeader(SIGNATURE))) {
            Problems.send(resp, 403, "Bad signature", SIGNATURE + " must be sha256=<hex HMAC-SHA256 of the body>", SIGNATURE);
            return;
        }
        try {
            String payload = LeadPayloads.utf8(body);
            Map<String, String> fields = LeadPayloads.fields(payload);
            String id = fields.get(provider.idField());
            if (id == null || id.isBlank()) {
                throw new ValidationException(provider.idField(), "the provider's lead id is required");
            }
            Lead lead = intake.submit(new IncomingLead("provider:" + name, id, provider.map(fields), payload, Instant.now()));
            resp.setStatus(202);
            resp.setContentType("application/json");
            resp.getWriter().write("{\"status\":\"ACCEPTED\",\"leadId\":" + lead.id() + "}");
        } catch (ValidationException e) {
            Problems.send(resp, 400, "Invalid request", e.getMessage(), e.errors().get(0).field());
        } catch (RuntimeException e) {
            Problems.send(resp, 500, "Not taken in yet", "the lead was kept as a dead letter: " + e.getMessage(), null);
        }
    }
}
