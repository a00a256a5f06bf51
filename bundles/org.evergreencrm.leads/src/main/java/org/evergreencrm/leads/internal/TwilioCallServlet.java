package org.evergreencrm.leads.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.evergreencrm.api.lead.IncomingLead;
import org.evergreencrm.api.lead.Lead;
import org.evergreencrm.api.lead.LeadIntake;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.twilio.security.RequestValidator;

/**
 * The inbound-call webhook in Twilio's request format ({@code POST /intake/calls/twilio}, form parameters
 * {@code CallSid}, {@code From}, {@code CallerName}, {@code FromCity}, {@code FromState}, {@code FromZip}…). The
 * {@code X-Twilio-Signature} is checked with the Twilio SDK's {@link RequestValidator} against the public URL
 * (403 when it does not match); the call becomes a lead (source {@code phone-call}, id the CallSid, so Twilio's
 * retries are stored once) and the caller hears a short TwiML message.
 */
@Component(service = Servlet.class, configurationPid = "org.evergreencrm.leads", property = {
    "osgi.http.whiteboard.servlet.pattern=/intake/calls/twilio", "osgi.http.whiteboard.servlet.name=evergreen-lead-calls"})
public final class TwilioCallServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/intake/calls/twilio";
    private final transient LeadIntake intake;
    private final transient RequestValidator validator;
    private final String url;

    @Activate
    public TwilioCallServlet(@Reference LeadIntake intake, LeadsConfig config) {
        this.intake = intake;
        this.validator = config.twilioAuthToken().isBlank() ? null : new RequestValidator(config.twilioAuthToken());
        this.url = config.publicBaseUrl().replaceAll("/+$", "") + PATH;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (validator == null) {
            Problems.send(resp, 503, "Not configured", "set twilioAuthToken in etc/org.evergreencrm.leads.cfg", null);
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        req.getParameterMap().forEach((k, v) -> params.put(k, v.length == 0 ? "" : v[0]));
        String full = req.getQueryString() == null ? url : url + "?" + req.getQueryString();
        String signature = req.getHeader("X-Twilio-Signature");
        if (signature == null || !validator.validate(full, params, signature)) {
            Problems.send(resp, 403, "Bad signature", "X-Twilio-Signature does not match this request", "X-Twilio-Signature");
            return;
        }
        String callSid = params.get("CallSid");
        if (callSid == null || callSid.isBlank()) {
            Problems.send(resp, 400, "Invalid request", "CallSid is required", "CallSid");
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("phone", params.get("From"));
        String caller = params.getOrDefault("CallerName", "").trim();
        if (caller.isEmpty()) {
            fields.put("lastName", "Caller " + params.getOrDefault("From", ""));
        } else {
            int space = caller.lastIndexOf(' ');
            fields.put("firstName", space < 0 ? null : caller.substring(0, space));
            fields.put("lastName", space < 0 ? caller : caller.substring(space + 1));
        }
        fields.put("city", params.get("FromCity"));
        fields.put("state", params.get("FromState"));
        fields.put("postalCode", params.get("FromZip"));
        fields.put("calledNumber", params.get("To"));
        String raw = params.toString();
        try {
            Lead lead = intake.submit(new IncomingLead("phone-call", callSid, fields, raw, Instant.now()));
            resp.setStatus(200);
            resp.setContentType("text/xml");
            resp.setHeader("X-Evergreen-Lead", Long.toString(lead.id()));
            resp.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Thank you for calling. "
                    + "A specialist will call you back shortly.</Say></Response>");
        } catch (RuntimeException e) {
            // kept as a dead letter by the intake; the caller still hears something sensible
            resp.setStatus(200);
            resp.setContentType("text/xml");
            resp.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Thank you for calling. "
                    + "We will call you back.</Say></Response>");
        }
    }
}
