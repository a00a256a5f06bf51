package org.evergreencrm.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The authorization matrix (issue #10). It reads the OpenAPI document and calls every operation in it as anonymous,
 * an admin, the owner's manager, the owner (a rep), a rep of the same team, and the manager and a rep of another team,
 * with a record of each kind in place (contact, lead, queue entry and attempt, consent, decision, merge). Each
 * operation must have a row below: a new endpoint without one fails the test, and so does a row for an endpoint that
 * is gone. Every answer is checked for its status and, when it succeeds, for carrying nothing of a record outside the
 * caller's scope (each team's contact has a marker in its name and a phone number of its own).
 */
final class SecurityScenarios {
    enum Caller { ANON, ADMIN, MGR1, OWNER, PEER, MGR2, REP2 }

    /** Who may see team 1's contact (owned by OWNER) and team 2's (owned by REP2). */
    private static final Set<Caller> SEES_C1 = Set.of(Caller.ADMIN, Caller.MGR1, Caller.OWNER);
    private static final Set<Caller> SEES_C2 = Set.of(Caller.ADMIN, Caller.MGR2, Caller.REP2);

    /**
     * Per operation: the statuses each caller may get. {@code *} before the operation: it changes data, so it is only
     * called as the callers that must be refused (the functional scenarios cover the allowed ones). Codes: a caller
     * missing from a row gets the row's {@code others}.
     */
    private static final String[][] MATRIX = {
        // operation, anon, admin, mgr1, owner, peer, mgr2, rep2
        {"GET /contacts", "401", "200", "200", "200", "200", "200", "200"},
        {"*POST /contacts", "401", "-", "-", "-", "-", "-", "-"},
        {"POST /contacts/duplicate-check", "401", "200", "200", "200", "200", "200", "200"},
        {"GET /contacts/{id}", "401", "200", "200", "200", "403", "403", "403"},
        {"*PUT /contacts/{id}", "401", "-", "-", "-", "403", "403", "403"},
        {"*DELETE /contacts/{id}", "401", "-", "-", "-", "403", "403", "403"},
        {"GET /me", "401", "200", "200", "200", "200", "200", "200"},
        {"*POST /me/password", "401", "400", "400", "400", "400", "400", "400"},
        {"GET /users", "401", "200", "200", "200", "200", "200", "200"},
        {"GET /users/{id}", "401", "200", "200", "200", "403", "403", "403"},
        {"*POST /users", "401", "-", "403", "403", "403", "403", "403"},
        {"*PUT /users/{id}", "401", "-", "403", "403", "403", "403", "403"},
        {"GET /teams", "401", "200", "200", "200", "200", "200", "200"},
        {"*POST /teams", "401", "-", "403", "403", "403", "403", "403"},
        {"GET /compliance/numbers/{phone}", "401", "200", "200", "200", "200", "200", "200"},
        {"*POST /compliance/consents", "401", "-", "403", "403", "403", "403", "403"},
        {"GET /compliance/consents", "401", "200", "200", "200", "403", "403", "403"},
        {"GET /compliance/decisions", "401", "200", "200", "200", "403", "403", "403"},
        {"GET /compliance/lists", "401", "200", "200", "200", "200", "200", "200"},
        {"*POST /compliance/dnc-imports", "401", "-", "403|415", "403|415", "403|415", "403|415", "403|415"},
        {"GET /compliance/dnc-imports", "401", "200", "403", "403", "403", "403", "403"},
        {"GET /compliance/dnc-imports/{id}", "401", "404", "403", "403", "403", "403", "403"},
        {"*DELETE /compliance/dnc-imports/{id}", "401", "-", "403", "403", "403", "403", "403"},
        {"*POST /duplicates/import", "401", "-", "-", "403|415", "403|415", "-", "403|415"},
        {"GET /duplicates/pairs.csv", "401", "200", "200", "403", "403", "200", "403"},
        {"*POST /duplicates/evaluate", "401", "-", "-", "403|415", "403|415", "-", "403|415"},
        {"*POST /duplicates/jobs", "401", "-", "-", "403", "403", "-", "403"},
        {"GET /duplicates/jobs/current", "401", "200|404", "200|404", "403", "403", "200|404", "403"},
        {"GET /duplicates/keys", "401", "200", "200", "403", "403", "200", "403"},
        {"*DELETE /duplicates/jobs/current", "401", "-", "-", "403", "403", "-", "403"},
        {"GET /duplicates/candidates", "401", "200", "200", "403", "403", "200", "403"},
        {"*POST /duplicates/candidates/{id}/reject", "401", "-", "-", "403", "403", "403", "403"},
        {"*POST /duplicates/candidates/{id}/merge", "401", "-", "-", "403", "403", "403", "403"},
        {"*POST /duplicates/merges", "401", "-", "-", "403", "403", "403", "403"},
        {"GET /duplicates/merges", "401", "200", "200", "403", "403", "200", "403"},
        {"*POST /duplicates/merges/{id}/undo", "401", "-", "-", "403", "403", "403", "403"},
        {"*POST /leads", "401", "-", "-", "403", "403", "-", "403"},
        {"GET /leads", "401", "200", "200", "403", "403", "200", "403"},
        {"GET /leads/{id}", "401", "200", "200", "403", "403", "403", "403"},
        {"GET /leads/search", "401", "200", "200", "200", "200", "200", "200"},
        {"GET /leads/daily", "401", "200", "200", "200", "200", "200", "200"},
        {"*POST /leads/referrals", "401", "-", "-", "-", "403", "403", "403"},
        {"GET /leads/referrals", "401", "200", "200", "200", "403", "403", "403"},
        {"GET /leads/sources", "401", "200", "200", "403", "403", "200", "403"},
        {"GET /leads/feeds", "401", "200", "200", "403", "403", "200", "403"},
        {"GET /leads/imports", "401", "200", "200", "403", "403", "200", "403"},
        {"GET /leads/routing", "401", "200", "200", "403", "403", "200", "403"},
        {"*PUT /leads/routing/reps/{username}", "401", "-", "-", "403", "403", "403", "403"},
        {"GET /leads/speed-to-lead", "401", "200", "200", "403", "403", "200", "403"},
        {"GET /leads/dead-letters", "401", "200", "200", "403", "403", "200", "403"},
        {"*POST /leads/dead-letters/{id}/replay", "401", "404", "404", "403", "403", "404", "403"},
        {"GET /queue/buckets", "401", "200", "200", "200", "200", "200", "200"},
        {"*POST /queue/buckets", "401", "-", "403", "403", "403", "403", "403"},
        {"GET /queue/buckets/{id}", "401", "200", "200", "200", "200", "200", "200"},
        {"*PUT /queue/buckets/{id}", "401", "-", "400|403", "400|403", "400|403", "400|403", "400|403"},
        {"*DELETE /queue/buckets/{id}", "401", "-", "403", "403", "403", "403", "403"},
        {"*POST /queue/buckets/{id}/contacts", "401", "-", "-", "403", "403", "-", "403"},
        {"GET /queue/stats", "401", "200", "200", "200", "200", "200", "200"},
        {"GET /queue/outcomes", "401", "200", "200", "200", "200", "200", "200"},
        {"*POST /queue/next", "401", "-", "-", "-", "-", "-", "-"},
        {"*POST /queue/attempts/{attemptId}/outcome", "401", "-", "-", "-", "403", "403", "403"},
        {"GET /schedule/tasks", "401", "200", "403", "403", "403", "403", "403"},
        {"GET /queue/contacts/{contactId}", "401", "200", "200", "200", "403", "403", "403"},
        {"GET /timeline/{contactId}", "401", "200", "200", "200", "403", "403", "403"},
        {"*POST /timeline/{contactId}/notes", "401", "-", "-", "-", "403", "403", "403"},
        {"*POST /timeline/{contactId}/tasks", "401", "-", "-", "-", "403", "403", "403"},
        {"GET /tasks", "401", "200", "200", "200", "200", "200", "200"},
        {"*POST /tasks/{id}/done", "401", "-", "-", "-", "403", "403", "403"},
        // the console's sign-in: POST checks the password itself (an empty body names the field); a ticket needs a cookie session
        {"*POST /session", "400", "400", "400", "400", "400", "400", "400"},
        {"GET /session", "401", "200", "200", "200", "200", "200", "200"},
        {"*DELETE /session", "401", "-", "-", "-", "-", "-", "-"},
        {"*POST /session/ticket", "401", "400", "400", "400", "400", "400", "400"},
        {"GET /plugins", "401", "200", "403", "403", "403", "403", "403"},
        {"*PUT /plugins/{name}", "401", "-", "403", "403", "403", "403", "403"},
        {"*DELETE /plugins/{name}", "401", "-", "403", "403", "403", "403", "403"},
        // addresses: verification and autocomplete use reference data only; a contact's address follows the contact
        {"POST /addresses/verify", "401", "200", "200", "200", "200", "200", "200"},
        {"GET /addresses/autocomplete", "401", "200", "200", "200", "200", "200", "200"},
        {"GET /addresses/contacts/{contactId}", "401", "200", "200", "200", "403", "403", "403"},
        {"*POST /addresses/contacts/{contactId}/standardize", "401", "-", "-", "-", "403", "403", "403"},
        {"*PUT /addresses/contacts/{contactId}/standard", "401", "-", "-", "-", "403", "403", "403"},
        {"GET /addresses/zip-status", "401", "200", "200", "200", "200", "200", "200"},
        {"*POST /addresses/zip-imports", "401", "-", "403|415", "403|415", "403|415", "403|415", "403|415"},
        {"GET /addresses/zip-imports", "401", "200", "403", "403", "403", "403", "403"},
        // scoring (the evergreen-scoring plugin, installed for this test): models and jobs for managers and admins, changes for admins
        {"*POST /scoring/trainings", "401", "-", "403", "403", "403", "403", "403"},
        {"GET /scoring/trainings", "401", "200", "200", "403", "403", "200", "403"},
        {"GET /scoring/trainings/{id}", "401", "200|404", "200|404", "403", "403", "200|404", "403"},
        {"GET /scoring/models", "401", "200", "200", "403", "403", "200", "403"},
        {"GET /scoring/models/{id}", "401", "200|404", "200|404", "403", "403", "200|404", "403"},
        {"*POST /scoring/models/{id}/promote", "401", "-", "403", "403", "403", "403", "403"},
        {"*POST /scoring/models/rollback", "401", "-", "403", "403", "403", "403", "403"},
        {"GET /scoring/scorer", "401", "200", "200", "200", "200", "200", "200"},
        {"POST /scoring/score", "401", "200|400", "200|400", "403", "403", "200|400", "403"},
        // enrichment: a contact's values follow the contact; the re-enrichment job is for admins
        {"GET /enrichment/contacts/{contactId}", "401", "200", "200", "200", "403", "403", "403"},
        {"*POST /enrichment/contacts/{contactId}/refresh", "401", "-", "-", "-", "403", "403", "403"},
        {"GET /enrichment/providers", "401", "200", "200", "200", "200", "200", "200"},
        {"*POST /enrichment/jobs", "401", "-", "403", "403", "403", "403", "403"},
        {"GET /enrichment/jobs", "401", "200", "403", "403", "403", "403", "403"},
        {"GET /enrichment/jobs/{id}", "401", "200|404", "403", "403", "403", "403", "403"},
    };

    private final EvergreenTestSupport support;
    private final Http http;
    private final String suffix = Long.toString(System.nanoTime() % 1_000_000);
    private final Map<Caller, String> usernames = new LinkedHashMap<>();
    private final Map<String, String> ids = new LinkedHashMap<>();
    private String c1Marker;
    private String c2Marker;
    private String c1Phone;
    private String c2Phone;

    SecurityScenarios(EvergreenTestSupport support) {
        this.support = support;
        this.http = support.http();
    }

    void everyOperationFollowsTheAccessRule() throws Exception {
        setUp();
        JsonNode doc = http.send("GET", "/api/v1/openapi.json", null, null, null).json();
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String method = methods.next().toUpperCase(java.util.Locale.ROOT);
                if (!method.equals("PARAMETERS")) {
                    documented.add(method + " " + path.getKey());
                }
            }
        }
        documented.remove("GET /openapi.json"); // public by design: the document itself
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String[] row : MATRIX) {
            rows.put(row[0].startsWith("*") ? row[0].substring(1) : row[0], row);
        }
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(rows.keySet());
        assertTrue("operations without a row in the authorization matrix: " + missing, missing.isEmpty());
        Set<String> stale = new TreeSet<>(rows.keySet());
        stale.removeAll(documented);
        assertTrue("rows for operations the API no longer has: " + stale, stale.isEmpty());

        List<String> failures = new ArrayList<>();
        for (String[] row : MATRIX) {
            boolean writes = row[0].startsWith("*");
            String op = writes ? row[0].substring(1) : row[0];
            String method = op.substring(0, op.indexOf(' '));
            String template = op.substring(op.indexOf(' ') + 1);
            for (Caller caller : Caller.values()) {
                String expected = row[caller.ordinal() + 1];
                if (expected.equals("-") || writes && expected.matches(".*\\b2\\d\\d\\b.*")) {
                    continue; // an allowed change: the functional scenarios make it
                }
                Http.Reply reply = call(caller, method, template);
                Set<String> allowed = Set.of(expected.split("\\|"));
                if (!allowed.contains(Integer.toString(reply.status()))) {
                    failures.add(op + " as " + caller + ": expected " + expected + ", got " + reply);
                    continue;
                }
                if (reply.status() >= 400 && !reply.contentType().startsWith("application/problem+json")) {
                    failures.add(op + " as " + caller + ": an error that is not problem+json: " + reply);
                }
                // a number lookup answers about the number asked for: there only the contact's name may not appear
                String phone1 = template.equals("/compliance/numbers/{phone}") ? null : c1Phone;
                if (!SEES_C1.contains(caller) && leaks(reply.body(), c1Marker, phone1)) {
                    failures.add(op + " as " + caller + " carries team 1's contact: " + cut(reply.body()));
                }
                if (!SEES_C2.contains(caller) && leaks(reply.body(), c2Marker, c2Phone)) {
                    failures.add(op + " as " + caller + " carries team 2's contact: " + cut(reply.body()));
                }
            }
        }
        assertTrue(failures.size() + " failures:\n" + String.join("\n", failures), failures.isEmpty());
    }

    /** A rep cannot make a registry-listed number callable, nor touch another rep's contact through compliance. */
    void complianceWritesAreScoped() throws Exception {
        setUp();
        String owner = usernames.get(Caller.OWNER);
        String grant = "{\"contactId\":" + ids.get("c1") + ",\"phone\":\"" + c1Phone + "\",\"channel\":\"CALL\","
                + "\"kind\":\"GRANT\",\"method\":\"WEB\"}";
        Scenarios.assertProblem(http.send("POST", "/api/v1/compliance/consents", owner, Scenarios.Users.PASSWORD, grant), 403);
        String revokeOther = "{\"contactId\":" + ids.get("c2") + ",\"channel\":\"CALL\",\"kind\":\"REVOKE\",\"method\":\"CALL\"}";
        Scenarios.assertProblem(http.send("POST", "/api/v1/compliance/consents", owner, Scenarios.Users.PASSWORD, revokeOther), 403);
        String revokeMissing = "{\"contactId\":987654321,\"channel\":\"CALL\",\"kind\":\"REVOKE\",\"method\":\"CALL\"}";
        Scenarios.assertProblem(http.send("POST", "/api/v1/compliance/consents", owner, Scenarios.Users.PASSWORD, revokeMissing), 404);
        Scenarios.assertProblem(http.send("POST", "/api/v1/compliance/consents", "admin", EvergreenTestSupport.ADMIN_PASSWORD,
                revokeMissing), 404);
        String revokeOwn = "{\"contactId\":" + ids.get("c1") + ",\"channel\":\"CALL\",\"kind\":\"REVOKE\",\"method\":\"CALL\","
                + "\"note\":\"asked to stop\"}";
        assertEquals(201, http.send("POST", "/api/v1/compliance/consents", owner, Scenarios.Users.PASSWORD, revokeOwn).status());
        // the owner's note is not readable by another team, even by number
        Http.Reply byNumber = http.send("GET", "/api/v1/compliance/numbers/" + c1Phone.replaceAll("\\D", ""),
                usernames.get(Caller.REP2), Scenarios.Users.PASSWORD, null);
        assertEquals(byNumber.toString(), 200, byNumber.status());
        assertFalse(byNumber.body(), byNumber.body().contains("asked to stop"));
        // an extreme date is a 400 naming the field, not a 500
        String extreme = "{\"contactId\":" + ids.get("c1") + ",\"channel\":\"CALL\",\"kind\":\"REVOKE\",\"method\":\"CALL\","
                + "\"receivedAt\":\"-999999999-01-01T00:00:00Z\"}";
        Http.Reply bad = http.send("POST", "/api/v1/compliance/consents", owner, Scenarios.Users.PASSWORD, extreme);
        Scenarios.assertProblem(bad, 400);
        assertEquals("receivedAt", bad.json().get("field").asText());
    }

    /**
     * The console's session: a wrong password and a missing field are problems, a change without the CSRF token (or
     * with another session's) is refused and changes nothing, a signed-out cookie opens nothing, and a ticket works once.
     */
    void consoleSessionsRefuseWhatTheyMust() throws Exception {
        setUp();
        String owner = usernames.get(Caller.OWNER);
        Http.Reply wrong = http.raw("POST", "/api/v1/session", null, null,
                ("{\"username\":\"" + owner + "\",\"password\":\"not-it\"}").getBytes(StandardCharsets.UTF_8), "application/json",
                "X-Evergreen-Client", "test");
        Scenarios.assertProblem(wrong, 401);
        assertEquals("no browser password dialog for the console", null, wrong.header("WWW-Authenticate"));
        Http.Reply a = signIn(owner);
        Http.Reply b = signIn(owner);
        String cookieA = cookie(a);
        String csrfA = a.json().get("csrfToken").asText();
        String csrfB = b.json().get("csrfToken").asText();
        String note = "{\"text\":\"csrf probe\"}";
        String path = "/api/v1/timeline/" + ids.get("c1") + "/notes";
        Scenarios.assertProblem(http.raw("POST", path, null, null, note.getBytes(StandardCharsets.UTF_8), "application/json",
                "Cookie", cookieA), 403);
        Scenarios.assertProblem(http.raw("POST", path, null, null, note.getBytes(StandardCharsets.UTF_8), "application/json",
                "Cookie", cookieA, "X-CSRF-Token", csrfB), 403);
        Http.Reply timeline = http.send("GET", "/api/v1/timeline/" + ids.get("c1"), owner, Scenarios.Users.PASSWORD, null);
        assertFalse("a refused change wrote nothing", timeline.body().contains("csrf probe"));
        Http.Reply ticket = http.raw("POST", "/api/v1/session/ticket", null, null, "{}".getBytes(StandardCharsets.UTF_8),
                "application/json", "Cookie", cookieA, "X-CSRF-Token", csrfA);
        assertEquals(ticket.toString(), 200, ticket.status());
        assertEquals(204, http.raw("DELETE", "/api/v1/session", null, null, null, null, "Cookie", cookieA, "X-CSRF-Token", csrfA).status());
        Scenarios.assertProblem(http.raw("GET", "/api/v1/me", null, null, null, null, "Cookie", cookieA, "X-Evergreen-Client", "test"), 401);
        Scenarios.assertProblem(http.raw("POST", "/api/v1/session/ticket", null, null, "{}".getBytes(StandardCharsets.UTF_8),
                "application/json", "Cookie", cookieA, "X-CSRF-Token", csrfA), 401);
        assertEquals("the other session is still open", 200,
                http.raw("GET", "/api/v1/me", null, null, null, null, "Cookie", cookie(b)).status());
    }

    private Http.Reply signIn(String user) throws Exception {
        Http.Reply r = http.raw("POST", "/api/v1/session", null, null, ("{\"username\":\"" + user + "\",\"password\":\""
                + Scenarios.Users.PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(r.toString(), 200, r.status());
        String set = r.header("Set-Cookie");
        assertTrue(set, set.contains("HttpOnly") && set.contains("SameSite=Strict"));
        return r;
    }

    private static String cookie(Http.Reply signedIn) {
        return signedIn.header("Set-Cookie").split(";")[0];
    }

    private synchronized void setUp() throws Exception {
        if (!usernames.isEmpty()) {
            return;
        }
        support.awaitAllBundlesActive(); // a scenario may be the first test of its container
        support.installScoring(); // its endpoints are in the matrix with the plugin running
        String admin = "admin";
        String pw = EvergreenTestSupport.ADMIN_PASSWORD;
        long t1 = http.send("POST", "/api/v1/teams", admin, pw, "{\"name\":\"Matrix A " + suffix + "\"}").json().get("id").asLong();
        long t2 = http.send("POST", "/api/v1/teams", admin, pw, "{\"name\":\"Matrix B " + suffix + "\"}").json().get("id").asLong();
        usernames.put(Caller.ANON, null);
        usernames.put(Caller.ADMIN, admin);
        usernames.put(Caller.MGR1, user("mxm1" + suffix, "MANAGER", t1));
        usernames.put(Caller.OWNER, user("mxo" + suffix, "REP", t1));
        usernames.put(Caller.PEER, user("mxp" + suffix, "REP", t1));
        usernames.put(Caller.MGR2, user("mxm2" + suffix, "MANAGER", t2));
        usernames.put(Caller.REP2, user("mxr2" + suffix, "REP", t2));
        ids.put("owner", Long.toString(http.send("GET", "/api/v1/me", usernames.get(Caller.OWNER), Scenarios.Users.PASSWORD, null)
                .json().get("id").asLong()));
        int n = Integer.parseInt(suffix) % 9000 + 1000;
        c1Marker = "Zyxcomb" + suffix;
        c2Marker = "Qwvlatt" + suffix;
        c1Phone = "(212) 555-" + n;
        c2Phone = "(718) 555-" + (n + 1);
        ids.put("c1", contact(usernames.get(Caller.OWNER), c1Marker, c1Phone));
        ids.put("c2", contact(usernames.get(Caller.REP2), c2Marker, c2Phone));
        // a lead on team 1's contact (same phone: the intake links it to the existing contact)
        Http.Reply lead = http.send("POST", "/api/v1/leads", admin, pw, "{\"source\":\"matrix\",\"sourceLeadId\":\"m" + suffix
                + "\",\"fields\":{\"firstName\":\"Matrix\",\"lastName\":\"" + c1Marker + "\",\"phone\":\"" + c1Phone + "\"}}");
        assertEquals(lead.toString(), 202, lead.status());
        ids.put("lead", lead.json().get("id").asText());
        assertEquals("the lead joined team 1's contact: " + lead, ids.get("c1"), lead.json().get("contactId").asText());
        // a bucket for team 1 with team 1's contact in it; the owner claims it (an attempt), a consent and decisions
        Http.Reply bucket = http.send("POST", "/api/v1/queue/buckets", admin, pw, "{\"name\":\"matrix-" + suffix + "\",\"weight\":1000,"
                + "\"teamIds\":[" + t1 + "]}");
        assertEquals(bucket.toString(), 201, bucket.status());
        ids.put("bucket", bucket.json().get("id").asText());
        http.send("POST", "/api/v1/queue/buckets/" + ids.get("bucket") + "/contacts", admin, pw, "{\"contactIds\":[" + ids.get("c1") + "]}");
        Http.Reply claim = http.send("POST", "/api/v1/queue/next", usernames.get(Caller.OWNER), Scenarios.Users.PASSWORD, null);
        ids.put("attempt", claim.status() == 200 ? claim.json().get("attemptId").asText() : "987654321");
        http.send("GET", "/api/v1/compliance/numbers/" + c1Phone.replaceAll("\\D", ""), admin, pw, null);
        // a consent record on team 1's contact whose note carries the marker
        Http.Reply consent = http.send("POST", "/api/v1/compliance/consents", usernames.get(Caller.OWNER), Scenarios.Users.PASSWORD,
                "{\"contactId\":" + ids.get("c1") + ",\"phone\":\"" + c1Phone + "\",\"channel\":\"TEXT\",\"kind\":\"REVOKE\","
                        + "\"method\":\"TEXT_STOP\",\"note\":\"" + c1Marker + " replied STOP\"}");
        assertEquals(consent.toString(), 201, consent.status());
        // a merge on team 1's side: a second record of the owner's person merged into the first
        String dup = contact(usernames.get(Caller.OWNER), c1Marker, c1Phone.replace("555-", "555-9").substring(0, 14));
        Http.Reply merge = http.send("POST", "/api/v1/duplicates/merges", admin, pw, "{\"survivorId\":" + ids.get("c1")
                + ",\"loserId\":" + dup + "}");
        assertEquals(merge.toString(), 200, merge.status());
        ids.put("merge", merge.json().get("id").asText());
        // a task on team 1's contact, its title carrying the marker: only the owner's /tasks shows it
        Http.Reply task = http.send("POST", "/api/v1/timeline/" + ids.get("c1") + "/tasks", usernames.get(Caller.OWNER), Scenarios.Users.PASSWORD,
                "{\"title\":\"Call " + c1Marker + " back\",\"dueAt\":\"2030-01-01T00:00:00Z\"}");
        assertEquals(task.toString(), 201, task.status());
        ids.put("task", task.json().get("id").asText());
        // a duplicate pair on team 1's side, found by the batch search
        String body = "{\"firstName\":\"Eleanor\",\"lastName\":\"" + c1Marker + "\",\"phones\":[{\"number\":\"(315) 555-"
                + n + "\"}],\"emails\":[{\"address\":\"eleanor." + suffix + "@example.com\"}]}";
        long a = Long.parseLong(http.send("POST", "/api/v1/contacts", usernames.get(Caller.OWNER), Scenarios.Users.PASSWORD, body)
                .json().get("id").asText());
        long b = Long.parseLong(http.send("POST", "/api/v1/contacts", usernames.get(Caller.OWNER), Scenarios.Users.PASSWORD,
                body.replace("Eleanor", "Elinor")).json().get("id").asText());
        JsonNode status = http.send("POST", "/api/v1/duplicates/jobs", admin, pw, null).json();
        for (int i = 0; i < 240 && "RUNNING".equals(status.get("state").asText()); i++) {
            Thread.sleep(250);
            status = http.send("GET", "/api/v1/duplicates/jobs/current", admin, pw, null).json();
        }
        assertEquals(status.toString(), "DONE", status.get("state").asText());
        for (JsonNode c : http.send("GET", "/api/v1/duplicates/candidates?limit=500", admin, pw, null).json()) {
            if (c.get("contactA").asLong() == Math.min(a, b) && c.get("contactB").asLong() == Math.max(a, b)) {
                ids.put("pair", c.get("id").asText());
            }
        }
        assertTrue("the batch search queued team 1's pair", ids.containsKey("pair"));
    }

    private String user(String username, String role, long team) throws Exception {
        Http.Reply r = http.send("POST", "/api/v1/users", "admin", EvergreenTestSupport.ADMIN_PASSWORD, "{\"username\":\"" + username
                + "\",\"displayName\":\"" + username + "\",\"role\":\"" + role + "\",\"teamId\":" + team + ",\"password\":\""
                + Scenarios.Users.PASSWORD + "\"}");
        assertEquals(r.toString(), 201, r.status());
        ids.put("user:" + username, r.json().get("id").asText());
        return username;
    }

    private String contact(String owner, String lastName, String phone) throws Exception {
        Http.Reply r = http.send("POST", "/api/v1/contacts", owner, Scenarios.Users.PASSWORD, "{\"firstName\":\"Matrix\",\"lastName\":\""
                + lastName + "\",\"phones\":[{\"number\":\"" + phone + "\"}],\"address\":{\"line1\":\"1 Main St\",\"city\":\"New York\","
                + "\"state\":\"NY\",\"postalCode\":\"10001\",\"country\":\"US\"}}");
        assertEquals(r.toString(), 201, r.status());
        return r.json().get("id").asText();
    }

    private Http.Reply call(Caller caller, String method, String template) throws Exception {
        String path = template.replace("{id}", idFor(template)).replace("{attemptId}", ids.get("attempt"))
                .replace("{contactId}", ids.get("c1")).replace("{phone}", c1Phone.replaceAll("\\D", ""))
                .replace("{username}", usernames.get(Caller.OWNER)).replace("{name}", "evergreen-no-such-plugin");
        String query = switch (template) {
            case "/compliance/consents", "/compliance/decisions", "/leads/referrals" -> method.equals("GET") ? "?contactId=" + ids.get("c1") : "";
            case "/addresses/autocomplete" -> "?q=1%20Main%20St%2C%20New%20Y";
            default -> "";
        };
        String user = usernames.get(caller);
        String password = caller == Caller.ADMIN ? EvergreenTestSupport.ADMIN_PASSWORD : Scenarios.Users.PASSWORD;
        return http.send(method, "/api/v1" + path + query, user, password, body(method, template));
    }

    private String idFor(String template) {
        if (template.startsWith("/contacts/")) {
            return ids.get("c1");
        }
        if (template.startsWith("/users/")) {
            return ids.get("owner");
        }
        if (template.startsWith("/duplicates/candidates/")) {
            return ids.get("pair");
        }
        if (template.startsWith("/leads/dead-letters/") || template.startsWith("/compliance/dnc-imports/")) {
            return "987654321";
        }
        if (template.startsWith("/leads/")) {
            return ids.get("lead");
        }
        if (template.startsWith("/queue/buckets/")) {
            return ids.get("bucket");
        }
        if (template.startsWith("/tasks/")) {
            return ids.get("task");
        }
        if (template.startsWith("/duplicates/merges/")) {
            return ids.get("merge");
        }
        return "1";
    }

    /** A body that would be valid for the operation, so a refusal is about who asks, not what was sent. */
    private String body(String method, String template) {
        if (method.equals("GET") || method.equals("DELETE")) {
            return null;
        }
        return switch (template) {
            case "/contacts", "/contacts/{id}", "/contacts/duplicate-check" -> "{\"firstName\":\"Matrix\",\"lastName\":\"" + c1Marker
                    + "\",\"phones\":[{\"number\":\"" + c1Phone + "\"}]}";
            case "/me/password" -> "{\"currentPassword\":\"not-the-password\",\"newPassword\":\"a-new-password-1\"}";
            case "/users", "/users/{id}" -> "{\"username\":\"mx" + System.nanoTime() + "\",\"role\":\"REP\",\"password\":\"pw-12345678\"}";
            case "/teams" -> "{\"name\":\"mx" + System.nanoTime() + "\"}";
            case "/timeline/{contactId}/notes" -> "{\"text\":\"matrix note\"}";
            case "/timeline/{contactId}/tasks" -> "{\"title\":\"matrix task\",\"dueAt\":\"2030-01-01T00:00:00Z\"}";
            case "/compliance/consents" -> "{\"contactId\":" + ids.get("c1") + ",\"channel\":\"CALL\",\"kind\":\"GRANT\",\"method\":\"WEB\"}";
            case "/duplicates/merges" -> "{\"survivorId\":" + ids.get("c1") + ",\"loserId\":" + ids.get("c2") + "}";
            case "/leads" -> "{\"source\":\"matrix\",\"sourceLeadId\":\"x" + System.nanoTime() + "\",\"fields\":{\"firstName\":\"A\",\"phone\":\"(305) 555-0100\"}}";
            case "/leads/referrals" -> "{\"referrerContactId\":" + ids.get("c1") + ",\"fields\":{\"firstName\":\"Ref\",\"phone\":\"(305) 555-0101\"}}";
            case "/leads/routing/reps/{username}" -> "{\"workingHours\":null}";
            case "/queue/buckets", "/queue/buckets/{id}" -> "{\"name\":\"mx" + System.nanoTime() + "\"}";
            case "/queue/buckets/{id}/contacts" -> "{\"contactIds\":[" + ids.get("c2") + "]}";
            case "/queue/attempts/{attemptId}/outcome" -> "{\"outcome\":\"NO_ANSWER\"}";
            case "/addresses/verify", "/addresses/contacts/{contactId}/standard" -> "{\"lines\":[\"1 Main St\",\"New York NY 10001\"]}";
            default -> "{}";
        };
    }

    private static boolean leaks(String body, String marker, String phone) {
        return body != null && (body.contains(marker) || phone != null && body.contains(phone.replaceAll("\\D", "")));
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    static Set<String> names(Set<Caller> callers) {
        Set<String> out = new LinkedHashSet<>();
        callers.forEach(c -> out.add(c.name()));
        return out;
    }
}
