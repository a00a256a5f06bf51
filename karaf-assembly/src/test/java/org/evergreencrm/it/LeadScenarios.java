package org.evergreencrm.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Lead intake in the distribution: web forms (form-encoded and JSON), idempotency, honeypot, errors, duplicates, assignment. */
final class LeadScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EvergreenTestSupport support;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base = "http://localhost:" + Integer.getInteger("evergreen.test.http.port");

    LeadScenarios(EvergreenTestSupport support) throws Exception {
        this.support = support;
        support.awaitAllBundlesActive();
    }

    private HttpResponse<String> post(String path, String type, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    void webFormsIdempotencyHoneypotErrorsAndDuplicates() throws Exception {
        String s = String.format("%05d", System.nanoTime() % 100_000); // five digits: the phone below stays valid
        Scenarios.Users users = Scenarios.Users.create(support.http(), "ld" + s); // active reps to assign to
        String form = "first_name=Lena&last_name=Lindqvist" + s + "&phone=%28813%29+555-7" + s.substring(0, Math.min(3, s.length()))
                + "&email=lena" + s + "%40example.com&zip=33602&roof_age=12&submissionId=sub-" + s;
        HttpResponse<String> first = post("/intake/forms/demo", "application/x-www-form-urlencoded", form, "Origin", "http://localhost:8181");
        assertEquals(first.body(), 202, first.statusCode());
        assertEquals("http://localhost:8181", first.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        long leadId = JSON.readTree(first.body()).get("leadId").asLong();
        HttpResponse<String> again = post("/intake/forms/demo", "application/x-www-form-urlencoded", form);
        assertEquals("a retried submission is stored once", leadId, JSON.readTree(again.body()).get("leadId").asLong());

        JsonNode lead = support.http().send("GET", "/api/v1/leads/" + leadId, "admin", EvergreenTestSupport.ADMIN_PASSWORD, null).json();
        assertEquals(lead.toString(), "web-form:demo", lead.get("source").asText());
        assertFalse(lead.get("existingContact").asBoolean());
        assertTrue(lead.toString(), lead.get("assignmentReason").asText().startsWith("round-robin"));
        assertNotNull(lead.get("assignedTo"));
        assertNotNull(lead.get("receivedAt"));
        assertNotNull(lead.get("assignedAt"));
        JsonNode contact = support.http().send("GET", "/api/v1/contacts/" + lead.get("contactId").asLong(), "admin",
                EvergreenTestSupport.ADMIN_PASSWORD, null).json();
        assertEquals("12", contact.get("customFields").get("roof_age").asText());
        assertEquals(lead.get("assignedTo").asLong(), contact.get("ownerId").asLong());

        // the same person again through JSON, phone written another way: linked to the existing contact
        String json = "{\"firstName\":\"Lena\",\"lastName\":\"Lindqvist" + s + "\",\"phone\":\"813555 7" + s.substring(0, Math.min(3, s.length()))
                + "\",\"email\":\"LENA" + s + "@example.com\",\"submissionId\":\"json-" + s + "\"}";
        HttpResponse<String> dup = post("/intake/forms/demo", "application/json", json);
        assertEquals(dup.body(), 202, dup.statusCode());
        JsonNode linked = support.http().send("GET", "/api/v1/leads/" + JSON.readTree(dup.body()).get("leadId").asLong(), "admin",
                EvergreenTestSupport.ADMIN_PASSWORD, null).json();
        assertTrue(linked.toString(), linked.get("existingContact").asBoolean());
        assertEquals(lead.get("contactId").asLong(), linked.get("contactId").asLong());
        assertTrue(linked.toString(), linked.get("assignmentReason").asText().contains("owned by"));

        HttpResponse<String> spam = post("/intake/forms/demo", "application/x-www-form-urlencoded", "first_name=Bot&phone=2125550000&website=http://spam");
        assertEquals(202, spam.statusCode());
        assertFalse(spam.body().contains("leadId"));
        HttpResponse<String> bad = post("/intake/forms/demo", "application/x-www-form-urlencoded", "notes=call+me&submissionId=bad-" + s);
        assertEquals(bad.body(), 400, bad.statusCode());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(bad.body(), bad.body().contains("\"field\":\"phone\""));
        assertEquals(404, post("/intake/forms/nope", "application/x-www-form-urlencoded", form).statusCode());
        HttpResponse<String> redirected = post("/intake/forms/demo", "application/x-www-form-urlencoded",
                form + "&_redirect=http%3A%2F%2Flocalhost%3A8181%2Fthanks");
        assertEquals(303, redirected.statusCode());
        assertEquals("http://localhost:8181/thanks", redirected.headers().firstValue("Location").orElse(null));

        JsonNode dead = support.http().send("GET", "/api/v1/leads/dead-letters", "admin", EvergreenTestSupport.ADMIN_PASSWORD, null).json();
        String deadText = dead.toString();
        assertTrue(deadText, deadText.contains("SPAM") && deadText.contains("honeypot") && deadText.contains("bad-" + s));
        long open = -1;
        for (JsonNode d : dead) {
            if (("bad-" + s).equals(d.get("sourceLeadId").asText())) {
                open = d.get("id").asLong();
            }
        }
        Http.Reply replay = support.http().send("POST", "/api/v1/leads/dead-letters/" + open + "/replay", "admin",
                EvergreenTestSupport.ADMIN_PASSWORD, null);
        assertEquals(replay.toString(), 400, replay.status());
        // a provider webhook signed with HMAC-SHA256; a replayed delivery is stored once; a bad signature is refused
        String provided = "{\"lead_id\":\"acme-" + s + "\",\"fname\":\"Otto\",\"lname\":\"Provider" + s + "\",\"tel\":\"(305) 555-0" + s.substring(0, Math.min(3, s.length())) + "\"}";
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("it-secret-0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(provided.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        HttpResponse<String> accepted = post("/intake/providers/acme", "application/json", provided, "X-Evergreen-Signature", signature);
        assertEquals(accepted.body(), 202, accepted.statusCode());
        long providerLead = JSON.readTree(accepted.body()).get("leadId").asLong();
        HttpResponse<String> redelivered = post("/intake/providers/acme", "application/json", provided, "X-Evergreen-Signature", signature);
        assertEquals(providerLead, JSON.readTree(redelivered.body()).get("leadId").asLong());
        JsonNode pl = support.http().send("GET", "/api/v1/leads/" + providerLead, "admin", EvergreenTestSupport.ADMIN_PASSWORD, null).json();
        assertEquals("provider:acme", pl.get("source").asText());
        JsonNode pc = support.http().send("GET", "/api/v1/contacts/" + pl.get("contactId").asLong(), "admin",
                EvergreenTestSupport.ADMIN_PASSWORD, null).json();
        assertEquals("Otto", pc.get("firstName").asText());
        assertEquals(403, post("/intake/providers/acme", "application/json", provided, "X-Evergreen-Signature", "sha256=00ff").statusCode());
        assertEquals(403, post("/intake/providers/acme", "application/json", provided.replace("Otto", "Eve"), "X-Evergreen-Signature", signature).statusCode());
        assertEquals(404, post("/intake/providers/nobody", "application/json", provided, "X-Evergreen-Signature", signature).statusCode());

        // a referral: the rep who owns the first lead's contact records a friend of theirs; another rep may not
        long referrer = lead.get("contactId").asLong();
        long ownerId = support.http().send("GET", "/api/v1/contacts/" + referrer, "admin", EvergreenTestSupport.ADMIN_PASSWORD, null)
                .json().get("ownerId").asLong();
        String ownerName = support.http().send("GET", "/api/v1/users/" + ownerId, "admin", EvergreenTestSupport.ADMIN_PASSWORD, null)
                .json().get("username").asText();
        String referrerRep = ownerName;
        String referrerPassword = ownerName.equals("admin") ? EvergreenTestSupport.ADMIN_PASSWORD : Scenarios.Users.PASSWORD;
        String stranger = ownerName.equals(users.repA()) ? users.repB() : users.repA();
        String referral = "{\"referrerContactId\":" + referrer + ",\"referralId\":\"ref-" + s + "\",\"fields\":{\"firstName\":\"Rafa\","
                + "\"lastName\":\"Referred" + s + "\",\"phone\":\"(407) 555-0" + s.substring(0, Math.min(3, s.length())) + "\"}}";
        Http.Reply poached = support.http().send("POST", "/api/v1/leads/referrals", stranger, Scenarios.Users.PASSWORD, referral);
        assertEquals(poached.toString(), 403, poached.status());
        Http.Reply referred = support.http().send("POST", "/api/v1/leads/referrals", referrerRep, referrerPassword, referral);
        assertEquals(referred.toString(), 202, referred.status());
        // the referred person goes to whoever the routing chain picks: the referrer's rep sees the lead only when it is
        // theirs, otherwise a receipt without contact, owner or reason
        JsonNode answer = referred.json();
        long refLead = answer.has("leadId") ? answer.get("leadId").asLong() : answer.get("id").asLong();
        assertTrue(answer.toString(), answer.has("leadId") ? !answer.has("contactId") && !answer.has("assignmentReason")
                : answer.has("referredBy"));
        JsonNode stored = support.http().send("GET", "/api/v1/leads/" + refLead, "admin", EvergreenTestSupport.ADMIN_PASSWORD, null).json();
        assertEquals(referrer, stored.get("referredBy").asLong());
        assertEquals("referral", stored.get("source").asText());
        JsonNode count = support.http().send("GET", "/api/v1/leads/referrals?contactId=" + referrer, referrerRep, referrerPassword, null).json();
        assertEquals(count.toString(), 1, count.get("count").asInt());
        Http.Reply noReferrer = support.http().send("POST", "/api/v1/leads/referrals", referrerRep, referrerPassword,
                referral.replace("\"referrerContactId\":" + referrer, "\"referrerContactId\":999999999").replace("ref-" + s, "ref2-" + s));
        assertEquals(noReferrer.toString(), 400, noReferrer.status());
        assertTrue(noReferrer.toString(), noReferrer.body().contains("referrerContactId"));

        // a CSV file dropped in the lead folder: every row once, the file moved to done/, a bad row a dead letter
        java.nio.file.Path drop = java.nio.file.Path.of(System.getProperty("karaf.data"), "lead-drop");
        java.nio.file.Files.createDirectories(drop);
        String csv = "id,first_name,last_name,phone,zip\n"
                + "f1-" + s + ",Fran,Filedrop" + s + ",(904) 555-01" + s.substring(0, Math.min(2, s.length())) + ",32202\n"
                + "f2-" + s + ",Gus,Filedrop" + s + ",(904) 555-02" + s.substring(0, Math.min(2, s.length())) + ",32202\n"
                + "f3-" + s + ",,,,32202\n";
        java.nio.file.Path tmp = drop.resolve("leads-" + s + ".tmp");
        java.nio.file.Files.writeString(tmp, csv);
        java.nio.file.Files.move(tmp, drop.resolve("leads-" + s + ".csv"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        boolean done = false;
        for (int i = 0; i < 120 && !done; i++) {
            Thread.sleep(250);
            java.nio.file.Path doneDir = drop.resolve("done");
            if (java.nio.file.Files.isDirectory(doneDir)) {
                try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(doneDir)) {
                    done = files.anyMatch(f -> f.getFileName().toString().startsWith("leads-" + s + ".csv"));
                }
            }
        }
        assertTrue("the dropped file was not moved to done/", done);
        String fileLeads = support.http().send("GET", "/api/v1/leads?limit=200", "admin", EvergreenTestSupport.ADMIN_PASSWORD, null).body();
        assertTrue(fileLeads, fileLeads.contains("f1-" + s) && fileLeads.contains("f2-" + s));
        String fileDead = support.http().send("GET", "/api/v1/leads/dead-letters?open=true", "admin", EvergreenTestSupport.ADMIN_PASSWORD, null).body();
        assertTrue(fileDead, fileDead.contains("f3-" + s));

        // an inbound call in Twilio's format, signed as Twilio signs (HMAC-SHA1 of the URL and the sorted parameters)
        java.util.TreeMap<String, String> call = new java.util.TreeMap<>(java.util.Map.of("CallSid", "CA" + s, "From", "+1850555" + String.format("%04d", Integer.parseInt(s) % 10_000),
                "To", "+18135550000", "CallerName", "Carla Caller" + s, "FromZip", "32501", "FromState", "FL"));
        StringBuilder signed = new StringBuilder(base + "/intake/calls/twilio");
        call.forEach((k, v) -> signed.append(k).append(v));
        javax.crypto.Mac sha1 = javax.crypto.Mac.getInstance("HmacSHA1");
        sha1.init(new javax.crypto.spec.SecretKeySpec("it-twilio-token".getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA1"));
        String twilioSignature = java.util.Base64.getEncoder().encodeToString(sha1.doFinal(signed.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String callForm = call.entrySet().stream().map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        HttpResponse<String> answered = post("/intake/calls/twilio", "application/x-www-form-urlencoded", callForm, "X-Twilio-Signature", twilioSignature);
        assertEquals(answered.body(), 200, answered.statusCode());
        assertTrue(answered.body(), answered.body().contains("<Response><Say>"));
        long callLead = Long.parseLong(answered.headers().firstValue("X-Evergreen-Lead").orElseThrow());
        JsonNode cl = support.http().send("GET", "/api/v1/leads/" + callLead, "admin", EvergreenTestSupport.ADMIN_PASSWORD, null).json();
        assertEquals("phone-call", cl.get("source").asText());
        assertEquals("CA" + s, cl.get("sourceLeadId").asText());
        HttpResponse<String> retried = post("/intake/calls/twilio", "application/x-www-form-urlencoded", callForm, "X-Twilio-Signature", twilioSignature);
        assertEquals(Long.toString(callLead), retried.headers().firstValue("X-Evergreen-Lead").orElseThrow());
        assertEquals(403, post("/intake/calls/twilio", "application/x-www-form-urlencoded", callForm.replace("Carla", "Mallory"),
                "X-Twilio-Signature", twilioSignature).statusCode());
        assertEquals(403, post("/intake/calls/twilio", "application/x-www-form-urlencoded", callForm).statusCode());

        JsonNode sources = support.http().send("GET", "/api/v1/leads/sources", "admin", EvergreenTestSupport.ADMIN_PASSWORD, null).json();
        String sourcesText = sources.toString();
        assertTrue(sourcesText, sourcesText.contains("web-form:demo") && sourcesText.contains("provider:acme")
                && sourcesText.contains("file-drop") && sourcesText.contains("referral") && sourcesText.contains("phone-call"));
        JsonNode speed = support.http().send("GET", "/api/v1/leads/speed-to-lead?days=1&slaMinutes=5", "admin",
                EvergreenTestSupport.ADMIN_PASSWORD, null).json();
        assertTrue(speed.toString(), speed.size() > 0);
        String speedShell = support.shell("crm:lead-sources --speed");
        assertTrue(speedShell, speedShell.contains("web-form:demo"));

        String shell = support.shell("crm:lead-list");
        assertTrue(shell, shell.contains("web-form:demo/sub-" + s));
    }

    /**
     * A dropped CSV goes through the intake in batches: a person named twice in it gets one contact (the second lead
     * links to the first's), a row delivered twice is stored once, a bad row is a dead letter, the progress shows.
     */
    void droppedFileInBatches() throws Exception {
        String s = String.format("%05d", System.nanoTime() % 100_000); // five digits: the phones below stay valid
        Scenarios.Users.create(support.http(), "fd" + s);
        java.nio.file.Path drop = java.nio.file.Path.of(System.getProperty("karaf.data"), "lead-drop");
        java.nio.file.Files.createDirectories(drop);
        String name = "it-batch-" + s + ".csv";
        String csv = "id,first_name,last_name,phone,email,zip\n"
                + "d1-" + s + ",Dora,Double" + s + ",(407) 555-1" + s.substring(0, Math.min(3, s.length())) + ",dora" + s + "@example.com,32801\n"
                + "d2-" + s + ",Dan,Single" + s + ",(407) 555-2" + s.substring(0, Math.min(3, s.length())) + ",dan" + s + "@example.com,32801\n"
                + "d3-" + s + ",Dee,Third" + s + ",,dee" + s + "@example.com,32802\n"
                + "d4-" + s + ",Dora,Double" + s + ",407-555-1" + s.substring(0, Math.min(3, s.length())) + ",DORA" + s + "@example.com,32801\n"
                + "d5-" + s + ",,,,,\n"
                + "d2-" + s + ",Dan,Single" + s + ",(407) 555-2" + s.substring(0, Math.min(3, s.length())) + ",dan" + s + "@example.com,32801\n";
        java.nio.file.Path staged = drop.resolveSibling(name);
        java.nio.file.Files.writeString(staged, csv);
        java.nio.file.Files.move(staged, drop.resolve(name));
        JsonNode done = null;
        for (int i = 0; i < 120 && done == null; i++) {
            Thread.sleep(250);
            for (JsonNode imp : support.http().send("GET", "/api/v1/leads/imports", "admin", EvergreenTestSupport.ADMIN_PASSWORD, null).json()) {
                if (name.equals(imp.get("name").asText()) && "DONE".equals(imp.get("status").asText())) {
                    done = imp;
                }
            }
        }
        assertNotNull("the file was taken in", done);
        assertEquals(done.toString(), 6, done.get("total").asInt());
        assertEquals(done.toString(), 5, done.get("stored").asInt());
        assertEquals(done.toString(), 1, done.get("deadLetters").asInt());
        java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
        for (JsonNode l : support.http().send("GET", "/api/v1/leads?limit=1000", "admin", EvergreenTestSupport.ADMIN_PASSWORD, null).json()) {
            if (l.get("sourceLeadId").asText().endsWith("-" + s) && "file-drop".equals(l.get("source").asText())) {
                assertNull("each lead once: " + l, byId.put(l.get("sourceLeadId").asText(), l));
            }
        }
        assertEquals(byId.keySet().toString(), 4, byId.size());
        JsonNode first = byId.get("d1-" + s);
        JsonNode again = byId.get("d4-" + s);
        assertFalse(first.get("existingContact").asBoolean());
        assertTrue(again.toString(), again.get("existingContact").asBoolean());
        assertEquals("one contact for the person named twice", first.get("contactId").asLong(), again.get("contactId").asLong());
        assertEquals(first.get("assignedTo").asLong(), again.get("assignedTo").asLong());
        assertTrue(again.toString(), again.get("assignmentReason").asText().startsWith("same person as an earlier lead of this delivery (d1-" + s + ")"));
        // Camel moves the file to done/ once the exchange completes, a moment after the import reads DONE
        boolean moved = false;
        for (int i = 0; i < 80 && !moved; i++) {
            java.nio.file.Path doneDir = drop.resolve("done");
            if (java.nio.file.Files.isDirectory(doneDir)) {
                try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(doneDir)) {
                    moved = files.anyMatch(p -> p.getFileName().toString().startsWith(name));
                }
            }
            if (!moved) {
                Thread.sleep(250);
            }
        }
        assertTrue("the file moved to done/", moved);
        String imports = support.shell("crm:lead-imports");
        assertTrue(imports, imports.contains(name) && imports.contains("DONE"));
    }
}
