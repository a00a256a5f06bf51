package org.evergreencrm.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;


import org.evergreencrm.api.contact.ContactEvents;
import org.evergreencrm.api.contact.ContactService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What every distribution test checks, whatever the database: boot, shell, and the secured REST API end to end.
 * (Pax Exam test classes do not inherit test methods reliably, so each IT class calls these.)
 */
final class Scenarios {
    private static final String TEAM_JSON = "{\"name\":\"IT Team %s\"}";
    private final EvergreenTestSupport support;
    private final ContactService contacts;
    private final BundleContext context;

    Scenarios(EvergreenTestSupport support, BundleContext context) throws Exception {
        this.support = support;
        this.context = context;
        support.awaitAllBundlesActive();
        ServiceTracker<ContactService, ContactService> tracker = new ServiceTracker<>(context, ContactService.class, null);
        tracker.open();
        this.contacts = tracker.waitForService(30_000);
        assertNotNull("no ContactService", contacts);
    }

    void shellReportsHealthy(String expectedDatabase) throws Exception {
        String status = support.shell("crm:status");
        assertTrue(status, status.contains("HEALTHY") && !status.contains("UNHEALTHY"));
        assertTrue(status, status.contains(expectedDatabase));
        String added = support.shell("crm:contact-add --first Shelly --last Shell --phone 813-555-0199 --city Tampa --state FL --zip 33602");
        assertTrue(added, added.contains("Created contact"));
        String listed = support.shell("crm:contact-list -q shelly");
        assertTrue(listed, listed.contains("Shelly Shell"));
    }

    void restRoundTripWithSecurity() throws Exception {
        Http http = support.http();
        String suffix = Long.toString(System.nanoTime());
        Users users = Users.create(http, suffix);

        // unauthenticated and wrong password: 401 problem+json
        Http.Reply anonymous = http.send("GET", "/api/v1/contacts", null, null, null);
        assertProblem(anonymous, 401);
        assertNotNull(anonymous.header("WWW-Authenticate"));
        assertProblem(http.send("GET", "/api/v1/contacts", users.repA, "wrong-password", null), 401);

        // create as rep A: owned by rep A
        String body = "{\"firstName\":\"Grace\",\"lastName\":\"Hopper\",\"phones\":[{\"number\":\"(813) 555-0142\"}],"
                + "\"emails\":[{\"address\":\"grace" + suffix + "@example.com\"}],"
                + "\"address\":{\"line1\":\"1 Navy Way\",\"city\":\"Tampa\",\"state\":\"FL\",\"postalCode\":\"33602\",\"country\":\"US\"},"
                + "\"tags\":[\"solar\"],\"customFields\":{\"roofAgeYears\":12}}";
        Http.Reply created = http.send("POST", "/api/v1/contacts", users.repA, Users.PASSWORD, body);
        assertEquals(created.toString(), 201, created.status());
        JsonNode contact = created.json();
        long id = contact.get("id").asLong();
        assertEquals(users.repAId, contact.get("ownerId").asLong());
        assertTrue(created.header("Location").endsWith("/api/v1/contacts/" + id));

        // read
        Http.Reply read = http.send("GET", "/api/v1/contacts/" + id, users.repA, Users.PASSWORD, null);
        assertEquals(200, read.status());
        assertEquals("Hopper", read.json().get("lastName").asText());
        String etag = read.header("ETag");

        // update with If-Match, then a stale If-Match is refused
        String changed = body.replace("\"Grace\"", "\"Amazing Grace\"");
        Http.Reply updated = http.send("PUT", "/api/v1/contacts/" + id, users.repA, Users.PASSWORD, changed, "If-Match", etag);
        assertEquals(updated.toString(), 200, updated.status());
        assertEquals("Amazing Grace", updated.json().get("firstName").asText());
        assertProblem(http.send("PUT", "/api/v1/contacts/" + id, users.repA, Users.PASSWORD, changed, "If-Match", etag), 409);

        // search: by text (phone in another format), tag, owner
        JsonNode found = http.send("GET", "/api/v1/contacts?q=813-555-0142", users.repA, Users.PASSWORD, null).json();
        assertEquals(1, found.get("items").size());
        assertEquals(id, found.get("items").get(0).get("id").asLong());
        assertEquals(1, http.send("GET", "/api/v1/contacts?tag=solar&q=hopper", users.repA, Users.PASSWORD, null).json().get("items").size());

        // another rep may neither read nor find it; their manager may
        assertProblem(http.send("GET", "/api/v1/contacts/" + id, users.repB, Users.PASSWORD, null), 403);
        assertEquals(0, http.send("GET", "/api/v1/contacts?q=hopper", users.repB, Users.PASSWORD, null).json().get("items").size());
        assertEquals(200, http.send("GET", "/api/v1/contacts/" + id, users.manager, Users.PASSWORD, null).status());
        assertProblem(http.send("DELETE", "/api/v1/contacts/" + id, users.repB, Users.PASSWORD, null), 403);

        // a bad payload is a 400 naming the fields, and writes nothing
        long before = contacts.count();
        Http.Reply bad = http.send("POST", "/api/v1/contacts", users.repA, Users.PASSWORD,
                "{\"firstName\":\"X\",\"phones\":[{\"number\":\"12\"}],\"emails\":[{\"address\":\"not-an-email\"}]}");
        assertProblem(bad, 400);
        assertEquals("phones[0].number", bad.json().get("field").asText());
        assertEquals(2, bad.json().get("errors").size());
        assertProblem(http.send("POST", "/api/v1/contacts", users.repA, Users.PASSWORD, "{\"firstName\":\"X\",\"nickname\":\"Y\"}"), 400);
        assertProblem(http.send("POST", "/api/v1/contacts", users.repA, Users.PASSWORD, "{not json"), 400);
        assertEquals(before, contacts.count());

        // delete, then it is gone
        assertEquals(204, http.send("DELETE", "/api/v1/contacts/" + id, users.repA, Users.PASSWORD, null).status());
        assertProblem(http.send("GET", "/api/v1/contacts/" + id, users.repA, Users.PASSWORD, null), 404);
    }

    void createReportsLikelyDuplicates() throws Exception {
        Http http = support.http();
        String suffix = Long.toString(System.nanoTime() % 10_000);
        String phone = "(813) 555-" + String.format("%04d", Integer.parseInt(suffix));
        String first = "{\"firstName\":\"Robert\",\"lastName\":\"Dupont\",\"phones\":[{\"number\":\"" + phone + "\"}],"
                + "\"address\":{\"line1\":\"12 Oak Street\",\"city\":\"Tampa\",\"state\":\"FL\",\"postalCode\":\"33602\",\"country\":\"US\"}}";
        Http.Reply original = http.send("POST", "/api/v1/contacts", "admin", EvergreenTestSupport.ADMIN_PASSWORD, first);
        assertEquals(original.toString(), 201, original.status());
        long originalId = original.json().get("id").asLong();
        // normalized values are stored beside the raw ones and returned with the contact
        JsonNode normalized = original.json().get("normalized");
        assertEquals(original.toString(), "+1813555" + phone.substring(10), normalized.get("phones").get(0).asText());
        assertEquals(original.toString(), "12 OAK ST", normalized.get("deliveryLine").asText());
        assertEquals(original.toString(), "dupont", normalized.get("familyName").asText());
        // nickname, typo, another phone format, abbreviated street: still found
        String second = first.replace("Robert", "Bob").replace("Dupont", "Dupnot").replace(phone, "+1 813 555 " + phone.substring(10))
                .replace("Oak Street", "Oak St.");
        Http.Reply check = http.send("POST", "/api/v1/contacts/duplicate-check", "admin", EvergreenTestSupport.ADMIN_PASSWORD, second);
        assertEquals(check.toString(), 200, check.status());
        assertEquals(check.toString(), originalId, check.json().get(0).get("contactId").asLong());
        Http.Reply created = http.send("POST", "/api/v1/contacts", "admin", EvergreenTestSupport.ADMIN_PASSWORD, second);
        assertEquals(created.toString(), 201, created.status());
        JsonNode duplicates = created.json().get("duplicates");
        assertEquals(created.toString(), originalId, duplicates.get(0).get("contactId").asLong());
        assertTrue(created.toString(), duplicates.get(0).get("probability").asDouble() >= 0.8);
        assertTrue(created.toString(), duplicates.get(0).get("fields").size() > 0);
    }

    void batchSearchQueueMergeAndUndo() throws Exception {
        Http http = support.http();
        String admin = "admin";
        String pw = EvergreenTestSupport.ADMIN_PASSWORD;
        String tag = "q" + Long.toString(System.nanoTime() % 100_000);
        String body = "{\"firstName\":\"Eleanor\",\"lastName\":\"Vance" + tag + "\",\"phones\":[{\"number\":\"(407) 555-0142\"}],"
                + "\"emails\":[{\"address\":\"eleanor." + tag + "@example.com\"}],\"tags\":[\"solar\"]}";
        long a = http.send("POST", "/api/v1/contacts", admin, pw, body).json().get("id").asLong();
        long b = http.send("POST", "/api/v1/contacts", admin, pw, body.replace("Eleanor", "Elinor").replace("solar", "roofing"))
                .json().get("id").asLong();
        JsonNode before = strip(http.send("GET", "/api/v1/contacts/" + a, admin, pw, null).json());
        JsonNode loserBefore = strip(http.send("GET", "/api/v1/contacts/" + b, admin, pw, null).json());

        Http.Reply started = http.send("POST", "/api/v1/duplicates/jobs", admin, pw, null);
        assertEquals(started.toString(), 200, started.status());
        JsonNode status = started.json();
        for (int i = 0; i < 120 && "RUNNING".equals(status.get("state").asText()); i++) {
            Thread.sleep(250);
            status = http.send("GET", "/api/v1/duplicates/jobs/current", admin, pw, null).json();
        }
        assertEquals(status.toString(), "DONE", status.get("state").asText());
        JsonNode queued = null;
        for (JsonNode c : http.send("GET", "/api/v1/duplicates/candidates?limit=500", admin, pw, null).json()) {
            if (c.get("contactA").asLong() == Math.min(a, b) && c.get("contactB").asLong() == Math.max(a, b)) {
                queued = c;
            }
        }
        assertNotNull("the pair is in the review queue", queued);
        assertProblem(http.send("GET", "/api/v1/duplicates/candidates", "nobody", "x", null), 401);

        Http.Reply merged = http.send("POST", "/api/v1/duplicates/merges", admin, pw,
                "{\"survivorId\":" + a + ",\"loserId\":" + b + "}");
        assertEquals(merged.toString(), 200, merged.status());
        long mergeId = merged.json().get("id").asLong();
        assertProblem(http.send("GET", "/api/v1/contacts/" + b, admin, pw, null), 404);
        JsonNode survivor = http.send("GET", "/api/v1/contacts/" + a, admin, pw, null).json();
        assertEquals(survivor.toString(), 2, survivor.get("tags").size());

        assertEquals(200, http.send("POST", "/api/v1/duplicates/merges/" + mergeId + "/undo", admin, pw, null).status());
        assertEquals(before, strip(http.send("GET", "/api/v1/contacts/" + a, admin, pw, null).json()));
        assertEquals(loserBefore, strip(http.send("GET", "/api/v1/contacts/" + b, admin, pw, null).json()));
        assertProblem(http.send("POST", "/api/v1/duplicates/merges/" + mergeId + "/undo", admin, pw, null), 409);
        // undoing says "not duplicates": the pair is not reported again when either is edited
        Http.Reply edited = http.send("PUT", "/api/v1/contacts/" + a, admin, pw, body);
        assertEquals(edited.toString(), 200, edited.status());
        for (JsonNode d : edited.json().get("duplicates")) {
            assertTrue(edited.toString(), d.get("contactId").asLong() != b);
        }
        assertProblem(http.send("POST", "/api/v1/duplicates/merges", admin, pw, "{\"survivorId\":" + a + "}"), 400);
    }

    private static JsonNode strip(JsonNode contact) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = contact.deepCopy();
        copy.remove(List.of("version", "updatedAt", "duplicates"));
        return copy;
    }

    void everyContactChangeIsPublishedOnEventAdmin() throws Exception {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, ContactEvents.TOPIC_PREFIX + "*");
        ServiceRegistration<EventHandler> reg = context.registerService(EventHandler.class, events::add, props);
        try {
            Http http = support.http();
            String body = "{\"lastName\":\"Evented\",\"phones\":[{\"number\":\"+1 407 555 0100\"}]}";
            Http.Reply created = http.send("POST", "/api/v1/contacts", "admin", EvergreenTestSupport.ADMIN_PASSWORD, body);
            assertEquals(created.toString(), 201, created.status());
            long id = created.json().get("id").asLong();
            http.send("PUT", "/api/v1/contacts/" + id, "admin", EvergreenTestSupport.ADMIN_PASSWORD, body.replace("Evented", "Updated"));
            http.send("DELETE", "/api/v1/contacts/" + id, "admin", EvergreenTestSupport.ADMIN_PASSWORD, null);
            for (String topic : List.of(ContactEvents.CREATED, ContactEvents.UPDATED, ContactEvents.DELETED)) {
                Event event = events.poll(10, TimeUnit.SECONDS);
                assertNotNull("no " + topic + " event", event);
                assertEquals(topic, event.getTopic());
                assertEquals(id, ((Long) event.getProperty(ContactEvents.CONTACT_ID)).longValue());
                assertEquals("admin", event.getProperty(ContactEvents.ACTOR));
            }
        } finally {
            reg.unregister();
        }
    }

    static void assertProblem(Http.Reply reply, int status) {
        assertEquals(reply.toString(), status, reply.status());
        assertTrue(reply.toString(), reply.contentType().startsWith("application/problem+json"));
        assertEquals(status, reply.json().get("status").asInt());
    }

    /** A team with a manager and two reps, created through the API by the bootstrap admin. */
    record Users(String manager, String repA, long repAId, String repB) {
        static final String PASSWORD = "it-password";

        static Users create(Http http, String suffix) throws Exception {
            Http.Reply team = http.send("POST", "/api/v1/teams", "admin", EvergreenTestSupport.ADMIN_PASSWORD, String.format(TEAM_JSON, suffix));
            assertEquals(team.toString(), 201, team.status());
            long teamId = team.json().get("id").asLong();
            String manager = user(http, "mgr" + suffix, "MANAGER", teamId);
            String repA = user(http, "repa" + suffix, "REP", teamId);
            String repB = user(http, "repb" + suffix, "REP", null);
            long repAId = http.send("GET", "/api/v1/me", repA, PASSWORD, null).json().get("id").asLong();
            return new Users(manager, repA, repAId, repB);
        }

        private static String user(Http http, String username, String role, Long teamId) throws Exception {
            String json = "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"role\":\"" + role
                    + "\",\"teamId\":" + teamId + ",\"password\":\"" + PASSWORD + "\"}";
            Http.Reply reply = http.send("POST", "/api/v1/users", "admin", EvergreenTestSupport.ADMIN_PASSWORD, json);
            assertEquals(reply.toString(), 201, reply.status());
            return username;
        }
    }
}
