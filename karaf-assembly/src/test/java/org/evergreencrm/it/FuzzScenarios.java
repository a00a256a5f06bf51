package org.evergreencrm.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.evergreencrm.api.contact.ContactService;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.UserService;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fuzz test (issue #10): every operation of the OpenAPI document and the public endpoints get malformed and
 * wrong-typed JSON, unknown fields, huge and deeply nested bodies, invalid UTF-8, NUL, extreme numbers and dates, bad
 * ids and query parameters and wrong content types — bounded (a fixed list, loopback only, a 30 s timeout each).
 * Never a 5xx, always problem+json for an error, and nothing half-written: the counts of contacts and users are the
 * same after every refused request as before.
 */
final class FuzzScenarios {
    private static final String ADMIN = "admin";
    private static final java.util.Set<String> CHANGES_STATE_WITHOUT_BODY = java.util.Set.of("POST /queue/next",
            "POST /duplicates/jobs", "DELETE /duplicates/jobs/current");
    private final EvergreenTestSupport support;
    private final BundleContext context;
    private final Http http;
    private final List<String> failures = new ArrayList<>();

    FuzzScenarios(EvergreenTestSupport support, BundleContext context) {
        this.support = support;
        this.context = context;
        this.http = support.http();
    }

    void noRequestGetsA5xxOrAnHtmlPage() throws Exception {
        support.installScoring(); // its endpoints are fuzzed with the plugin running
        JsonNode doc = http.send("GET", "/api/v1/openapi.json", null, null, null).json();
        long contactsBefore = contacts().count();
        // a contact the fuzzed writes aim at (id 1 in every path): its version must not move
        org.evergreencrm.api.contact.Contact target = contacts().create(Actor.system(), new org.evergreencrm.api.contact.ContactDraft(
                null, "Fuzz", "Target", null, List.of(), List.of(new org.evergreencrm.api.contact.Email("fuzz.target@example.com", null)),
                null, "fuzz", null, null, null, null));
        contactsBefore++;
        int usersBefore = users().listUsers(Actor.system()).size();
        List<byte[]> bodies = badBodies();
        int calls = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> entry = paths.next();
            for (Iterator<String> methods = entry.getValue().fieldNames(); methods.hasNext();) {
                String verb = methods.next();
                String method = verb.toUpperCase(java.util.Locale.ROOT);
                String template = entry.getKey();
                boolean takesBody = entry.getValue().get(verb).has("requestBody");
                if (CHANGES_STATE_WITHOUT_BODY.contains(method + " " + template)) {
                    continue; // a claim, a batch search, a cancel: nothing to fuzz, and they would disturb other tests
                }
                for (String id : template.contains("{") ? List.of("abc", "-1", "99999999999999999999", "0", "%20") : List.<String>of()) {
                    String path = "/api/v1" + template.replaceAll("\\{[^}]+}", id);
                    check(method + " " + path, http.raw(method, path, ADMIN, EvergreenTestSupport.ADMIN_PASSWORD,
                            method.equals("GET") || method.equals("DELETE") ? null : "{}".getBytes(StandardCharsets.UTF_8),
                            "application/json"));
                    calls++;
                }
                String path = "/api/v1" + template.replaceAll("\\{[^}]+}", template.startsWith("/contacts/")
                        ? Long.toString(target.id()) : "1");
                if (method.equals("GET")) {
                    for (String q : List.of("limit=-1", "limit=1000000", "limit=abc", "contactId=x", "phone=%00", "threshold=NaN",
                            "days=99999999999", "q=" + "word+".repeat(1000), "createdFrom=-999999999-01-01", "open=maybe",
                            "cursor=%FF%FE")) {
                        check(method + " " + path + "?" + q.substring(0, Math.min(q.length(), 40)),
                                http.raw(method, path + "?" + q, ADMIN, EvergreenTestSupport.ADMIN_PASSWORD, null, null));
                        calls++;
                    }
                } else if (takesBody) {
                    for (byte[] body : bodies) {
                        Http.Reply reply = http.raw(method, path, ADMIN, EvergreenTestSupport.ADMIN_PASSWORD, body, "application/json");
                        check(method + " " + path + " " + preview(body), reply);
                        if (reply.status() < 300) {
                            failures.add(method + " " + path + " " + preview(body) + " -> accepted a malformed body: " + cut(reply.toString()));
                        }
                        calls++;
                    }
                    check(method + " " + path + " as text/html", http.raw(method, path, ADMIN, EvergreenTestSupport.ADMIN_PASSWORD,
                            "<b>x</b>".getBytes(StandardCharsets.UTF_8), "text/html"));
                    calls++;
                }
            }
        }
        calls += publicEndpoints();
        assertEquals("a refused request wrote contacts", contactsBefore, contacts().count());
        assertEquals("a refused request changed a contact", target.version(), contacts().get(Actor.system(), target.id()).version());
        assertEquals("a refused request wrote users", usersBefore, users().listUsers(Actor.system()).size());
        System.out.println("[evergreen] fuzz: " + calls + " requests, " + failures.size() + " failures");
        assertTrue(failures.size() + " failures:\n" + String.join("\n", failures), failures.isEmpty());
    }

    private int publicEndpoints() throws Exception {
        int calls = 0;
        String form = "/intake/forms/demo";
        for (String body : List.of("first_name=%ZZ&phone=1", "first_name=%", "%00=%00", "x=" + "y".repeat(70_000))) {
            check("form " + body.substring(0, Math.min(20, body.length())), http.raw("POST", form, null, null,
                    body.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded"));
            calls++;
        }
        check("form invalid UTF-8", http.raw("POST", form, null, null, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
                "application/json"));
        check("form JSON NUL", http.raw("POST", form, null, null, "{\"first_name\":\"a\\u0000b\",\"phone\":\"2125550100\"}"
                .getBytes(StandardCharsets.UTF_8), "application/json"));
        check("provider webhook junk", http.raw("POST", "/intake/providers/acme", null, null, new byte[] {(byte) 0xFF, 0, 1}, "application/json"));
        check("twilio junk", http.raw("POST", "/intake/calls/twilio", null, null, "From=%ZZ".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded"));
        oversized("twilio huge form", "/intake/calls/twilio", ("From=%2B12125550100&Body=" + "x".repeat(600_000))
                .getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded", false);
        calls += 5;
        for (String path : List.of("/api/", "/api", "/api/v2/contacts", "/api/nothing", "/nope", "/docs/nothing",
                "/intake/forms/..%2F..%2Fapi/v1/contacts", "/intake/forms/%2e%2e/%2e%2e/api/v1/contacts", "/api/v1/contacts/%00",
                "/api/v1/" + "a".repeat(20_000))) {
            check("GET " + path.substring(0, Math.min(60, path.length())), http.raw("GET", path, ADMIN, EvergreenTestSupport.ADMIN_PASSWORD, null, null));
            calls++;
        }
        check("405", http.raw("DELETE", "/api/v1/openapi.json", null, null, null, null));
        for (Http.Reply r : List.of(http.send("GET", "/api/v1/me", ADMIN, EvergreenTestSupport.ADMIN_PASSWORD, null),
                http.send("GET", "/api/v1/contacts/0", ADMIN, EvergreenTestSupport.ADMIN_PASSWORD, null),
                http.send("GET", "/nope", null, null, null))) {
            for (String[] h : new String[][] {{"X-Content-Type-Options", "nosniff"}, {"X-Frame-Options", "DENY"},
                    {"Cache-Control", "no-store"}, {"Referrer-Policy", "no-referrer"}}) {
                if (!h[1].equals(r.header(h[0]))) {
                    failures.add("header " + h[0] + " is " + r.header(h[0]) + " on " + cut(r.toString()));
                }
            }
            if (r.header("Content-Security-Policy") == null || !r.header("Content-Security-Policy").contains("frame-ancestors 'none'")) {
                failures.add("no Content-Security-Policy on " + cut(r.toString()));
            }
        }
        check("431", http.raw("GET", "/api/v1/contacts", ADMIN, EvergreenTestSupport.ADMIN_PASSWORD, null, null, "X-Big", "b".repeat(20_000)));
        oversized("huge body", "/api/v1/contacts", ("{\"firstName\":\"" + "x".repeat(3_000_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8), "application/json", true);
        calls += 3;
        // a request Java's client would not send: a raw NUL in the request line
        try (Socket s = new Socket("127.0.0.1", Integer.getInteger("evergreen.test.http.port"))) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET /api/v1/contacts\u0000x HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(s.getInputStream().readNBytes(2000), StandardCharsets.ISO_8859_1);
            if (answer.toLowerCase(java.util.Locale.ROOT).contains("<html") || answer.startsWith("HTTP/1.1 5")) {
                failures.add("raw NUL in the request line: " + answer);
            }
        }
        return calls + 1;
    }

    /**
     * A body over a limit: the server may answer (413 problem+json) before it has read it all and close the
     * connection, so the client can see a broken pipe instead of the answer; then the server must still be up.
     */
    private void oversized(String what, String path, byte[] body, String type, boolean over1MiB) throws Exception {
        try {
            Http.Reply r = http.raw("POST", path, ADMIN, EvergreenTestSupport.ADMIN_PASSWORD, body, type);
            check(what, r);
            if (over1MiB && r.status() != 413) {
                failures.add(what + " -> expected 413, got " + cut(r.toString()));
            }
        } catch (java.io.IOException closedEarly) {
            Http.Reply alive = http.send("GET", "/health", null, null, null);
            if (alive.status() != 200) {
                failures.add(what + " -> the server did not survive: " + alive);
            }
        }
    }

    private List<byte[]> badBodies() {
        List<byte[]> out = new ArrayList<>();
        for (String s : List.of("{not json", "[", "\"just a string\"", "12", "null", "{\"firstName\":12345}",
                "{\"firstName\":\"a\",\"firstName\":\"b\"}", "{\"unknownField\":1}", "{\"firstName\":\"a\\u0000b\"}",
                "{\"contactIds\":[\"x\"],\"priority\":1e999}", "{\"receivedAt\":\"-999999999-01-01T00:00:00Z\",\"kind\":7}",
                "{\"survivorId\":99999999999999999999999,\"loserId\":-1}", "{\"outcome\":{\"a\":1}}",
                "[".repeat(200) + "]".repeat(200), "{\"a\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(101),
                "{\"firstName\":\"" + "x".repeat(300_000) + "\"}")) {
            out.add(s.getBytes(StandardCharsets.UTF_8));
        }
        out.add(new byte[] {'{', '"', 'f', 'i', 'r', 's', 't', 'N', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        out.add(new byte[0]);
        return out;
    }

    private void check(String what, Http.Reply reply) {
        if (reply.status() >= 500) {
            failures.add(what + " -> " + cut(reply.toString()));
        } else if (reply.status() >= 400 && !reply.contentType().startsWith("application/problem+json")) {
            failures.add(what + " -> not problem+json: " + cut(reply.toString()));
        } else if (reply.body() != null && reply.body().toLowerCase(java.util.Locale.ROOT).contains("<html")) {
            failures.add(what + " -> an HTML page: " + cut(reply.toString()));
        } else if (reply.body() != null && reply.body().length() > 100_000 && reply.status() >= 400) {
            failures.add(what + " -> an error of " + reply.body().length() + " characters (echoes the input)");
        }
    }

    private static String preview(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 30), StandardCharsets.UTF_8);
        return s + (body.length > 30 ? "...(" + body.length + " bytes)" : "");
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private ContactService contacts() {
        return context.getService(context.getServiceReference(ContactService.class));
    }

    private UserService users() {
        return context.getService(context.getServiceReference(UserService.class));
    }
}
