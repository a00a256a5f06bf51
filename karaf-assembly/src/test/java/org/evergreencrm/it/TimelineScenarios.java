package org.evergreencrm.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A lead's timeline in the running distribution: received, assigned with the reason, claimed and called with its
 * outcome, a note with a mention, tasks (one reminded through the scheduler, one done), a merge and its undo moving
 * the loser's entries there and back; another rep gets 403, a bad task a 400 naming the field.
 */
final class TimelineScenarios {
    private final EvergreenTestSupport support;
    private final Http http;
    private final String s = Long.toString(System.nanoTime() % 100_000);

    TimelineScenarios(EvergreenTestSupport support) {
        this.support = support;
        this.http = support.http();
    }

    private Http.Reply admin(String method, String path, String body) throws Exception {
        return http.send(method, "/api/v1" + path, "admin", EvergreenTestSupport.ADMIN_PASSWORD, body);
    }

    void aLeadsTimelineFromReceiptToMergeAndUndo() throws Exception {
        Scenarios.Users users = Scenarios.Users.create(http, "tl" + s);
        String rep = users.repA();
        String pw = Scenarios.Users.PASSWORD;
        long teamId = http.send("GET", "/api/v1/me", rep, pw, null).json().get("teamId").asLong();
        String last = "Timeline" + s;
        String phone = String.format("(212) 555-%04d", Integer.parseInt(s) % 10_000);

        Http.Reply lead = admin("POST", "/leads", "{\"source\":\"timeline-it\",\"sourceLeadId\":\"tl" + s + "\",\"fields\":{"
                + "\"firstName\":\"Tilda\",\"lastName\":\"" + last + "\",\"phone\":\"" + phone + "\",\"postalCode\":\"10001\"}}");
        assertEquals(lead.toString(), 202, lead.status());
        long leadId = lead.json().get("id").asLong();
        long contact = lead.json().get("contactId").asLong();
        String reason = admin("GET", "/leads/" + leadId, null).json().get("assignmentReason").asText();

        // the rep of our team owns it, so the team's bucket offers it to them
        Http.Reply owned = admin("PUT", "/contacts/" + contact, "{\"firstName\":\"Tilda\",\"lastName\":\"" + last + "\",\"phones\":[{\"number\":\""
                + phone + "\"}],\"address\":{\"postalCode\":\"10001\",\"state\":\"NY\",\"country\":\"US\"},\"ownerId\":" + users.repAId() + "}");
        assertEquals(owned.toString(), 200, owned.status());
        Http.Reply soon = http.send("POST", "/api/v1/timeline/" + contact + "/tasks", rep, pw, "{\"title\":\"Send the brochure\",\"dueAt\":\""
                + Instant.now().plusSeconds(1) + "\"}");
        assertEquals(soon.toString(), 201, soon.status());
        Http.Reply bucket = admin("POST", "/queue/buckets", "{\"name\":\"tl-" + s + "\",\"weight\":1000,\"teamIds\":[" + teamId + "]}");
        assertEquals(bucket.toString(), 201, bucket.status());
        admin("POST", "/queue/buckets/" + bucket.json().get("id").asText() + "/contacts", "{\"contactIds\":[" + contact + "]}");
        Http.Reply claim = http.send("POST", "/api/v1/queue/next", rep, pw, null);
        assertEquals(claim.toString(), 200, claim.status());
        assertEquals(contact, claim.json().get("contactId").asLong());
        Http.Reply outcome = http.send("POST", "/api/v1/queue/attempts/" + claim.json().get("attemptId").asText() + "/outcome", rep, pw,
                "{\"outcome\":\"NO_ANSWER\"}");
        assertEquals(outcome.toString(), 200, outcome.status());

        Http.Reply note = http.send("POST", "/api/v1/timeline/" + contact + "/notes", rep, pw,
                "{\"text\":\"Asked to call after 5pm; @" + users.manager() + " knows the neighbours\"}");
        assertEquals(note.toString(), 201, note.status());
        assertEquals(users.manager(), note.json().get("mentions").get(0).asText());
        Http.Reply task = http.send("POST", "/api/v1/timeline/" + contact + "/tasks", rep, pw, "{\"title\":\"Call back after 5pm\",\"dueAt\":\""
                + Instant.now().plusSeconds(86_400) + "\"}");
        assertEquals(task.toString(), 201, task.status());
        Http.Reply bad = http.send("POST", "/api/v1/timeline/" + contact + "/tasks", rep, pw, "{\"title\":\" \",\"dueAt\":\"2027-01-01T10:00:00Z\"}");
        Scenarios.assertProblem(bad, 400);
        assertEquals("title", bad.json().get("field").asText());

        List<String> kinds = await(rep, contact, List.of("LEAD_RECEIVED", "LEAD_ASSIGNED", "QUEUE_CLAIMED", "CALL_OUTCOME", "NOTE",
                "TASK_CREATED", "TASK_DUE"));
        JsonNode page = http.send("GET", "/api/v1/timeline/" + contact, rep, pw, null).json();
        assertTrue(page.toString(), text(page, "LEAD_ASSIGNED").contains(reason));
        assertTrue(page.toString(), text(page, "CALL_OUTCOME").contains("NO_ANSWER"));
        assertTrue(page.toString(), text(page, "LEAD_RECEIVED").contains("timeline-it"));
        assertEquals("newest first: the lead came first", "LEAD_RECEIVED", kinds.get(kinds.size() - 1));
        JsonNode calls = http.send("GET", "/api/v1/timeline/" + contact + "?kind=CALL_OUTCOME,NOTE&limit=1", rep, pw, null).json();
        assertEquals(1, calls.get("items").size());
        JsonNode next = http.send("GET", "/api/v1/timeline/" + contact + "?kind=CALL_OUTCOME,NOTE&limit=1&cursor="
                + calls.get("next").asText(), rep, pw, null).json();
        assertEquals(1, next.get("items").size());
        assertFalse(next.get("items").get(0).get("id").equals(calls.get("items").get(0).get("id")));

        // another rep: refused as the contact itself is, nothing of it in the answer
        Http.Reply other = http.send("GET", "/api/v1/timeline/" + contact, users.repB(), pw, null);
        Scenarios.assertProblem(other, 403);
        assertFalse(other.body(), other.body().contains(last));
        Scenarios.assertProblem(http.send("POST", "/api/v1/timeline/" + contact + "/notes", users.repB(), pw, "{\"text\":\"x\"}"), 403);
        String shell = support.shell("crm:timeline " + contact);
        assertTrue(shell, shell.contains("CALL_OUTCOME") && shell.contains("LEAD_ASSIGNED"));

        // tasks: mine, then done
        JsonNode mine = http.send("GET", "/api/v1/tasks", rep, pw, null).json();
        assertEquals(mine.toString(), 2, mine.size());
        long taskId = task.json().get("id").asLong();
        Http.Reply done = http.send("POST", "/api/v1/tasks/" + taskId + "/done", rep, pw, null);
        assertEquals(done.toString(), 200, done.status());
        assertEquals(rep, done.json().get("doneBy").asText());
        assertEquals(1, http.send("GET", "/api/v1/tasks", rep, pw, null).json().size());

        // a merge brings the duplicate's entries over; undo takes exactly those back
        Http.Reply dup = http.send("POST", "/api/v1/contacts", rep, pw, "{\"firstName\":\"Tilde\",\"lastName\":\"" + last
                + "\",\"phones\":[{\"number\":\"(212) 555-9" + String.format("%03d", Integer.parseInt(s) % 1000) + "\"}]}");
        assertEquals(dup.toString(), 201, dup.status());
        long dupId = dup.json().get("id").asLong();
        assertEquals(201, http.send("POST", "/api/v1/timeline/" + dupId + "/notes", rep, pw, "{\"text\":\"written on the duplicate\"}").status());
        Http.Reply merge = admin("POST", "/duplicates/merges", "{\"survivorId\":" + contact + ",\"loserId\":" + dupId + "}");
        assertEquals(merge.toString(), 200, merge.status());
        await(rep, contact, List.of("CONTACT_MERGED"));
        assertTrue(page(rep, contact).contains("written on the duplicate"));
        assertEquals(200, admin("POST", "/duplicates/merges/" + merge.json().get("id").asText() + "/undo", null).status());
        await(rep, contact, List.of("MERGE_UNDONE"));
        assertFalse("the duplicate's note went back", page(rep, contact).contains("written on the duplicate"));
        assertTrue(admin("GET", "/timeline/" + dupId, null).body().contains("written on the duplicate"));
    }

    private String page(String user, long contact) throws Exception {
        return http.send("GET", "/api/v1/timeline/" + contact + "?limit=200", user, Scenarios.Users.PASSWORD, null).body();
    }

    private static String text(JsonNode page, String kind) {
        for (JsonNode a : page.get("items")) {
            if (kind.equals(a.get("kind").asText())) {
                return a.get("summary").asText() + " " + a.get("payload").asText();
            }
        }
        return "";
    }

    /** Events arrive asynchronously, reminders on the scheduler: wait until the timeline has every kind. */
    private List<String> await(String user, long contact, List<String> wanted) throws Exception {
        List<String> kinds = List.of();
        for (int i = 0; i < 240; i++) {
            JsonNode page = http.send("GET", "/api/v1/timeline/" + contact + "?limit=200", user, Scenarios.Users.PASSWORD, null).json();
            kinds = new ArrayList<>();
            for (JsonNode a : page.get("items")) {
                kinds.add(a.get("kind").asText());
            }
            if (kinds.containsAll(wanted)) {
                return kinds;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timeline of " + contact + " has " + kinds + ", not all of " + wanted);
    }
}
