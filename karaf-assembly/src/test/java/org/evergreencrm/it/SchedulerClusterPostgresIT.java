package org.evergreencrm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two distributions (separate processes, ports of their own) on one PostgreSQL schema: both come up on the shared
 * schema, share the scheduler's table, and each of 30 task reminders due over half a minute is recorded once; node A
 * is killed with SIGKILL half-way and node B goes on; A is started again and finds its tasks where they were.
 */
class SchedulerClusterPostgresIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TASKS = 30;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void twoDistributionsShareTheSchedulerAndATaskFiresOnceThroughAKillNine() throws Exception {
        String url = EvergreenTestSupport.newPostgresSchema();
        Node a = unpack("cluster-a", url);
        Node b = unpack("cluster-b", url);
        Process pa = start(a);
        Process pb = null;
        try {
            awaitReady(a.port);
            pb = start(b);
            awaitReady(b.port);
            List<String> names = new ArrayList<>();
            HttpResponse<String> list = get(b.port, "/api/v1/schedule/tasks");
            assertEquals(200, list.statusCode(), list.body());
            for (JsonNode t : JSON.readTree(list.body())) {
                names.add(t.path("name").asText());
            }
            assertTrue(names.containsAll(List.of("queue-lease-sweeper", "timeline-task-reminders", "dedup-resume-check")), names.toString());

            JsonNode contact = JSON.readTree(send(a.port, "POST", "/api/v1/contacts",
                    "{\"firstName\":\"Clara\",\"lastName\":\"Cluster\",\"phones\":[{\"number\":\"(212) 555-0144\"}]}").body());
            long id = contact.get("id").asLong();
            Instant first = Instant.now().plusSeconds(5);
            List<Long> tasks = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                HttpResponse<String> r = send(i % 2 == 0 ? a.port : b.port, "POST", "/api/v1/timeline/" + id + "/tasks",
                        "{\"title\":\"Reminder " + i + "\",\"dueAt\":\"" + first.plusSeconds(i) + "\"}");
                assertEquals(201, r.statusCode(), r.body());
                tasks.add(JSON.readTree(r.body()).get("id").asLong());
            }
            // half-way through, node A dies; B carries on alone
            while (Instant.now().isBefore(first.plusSeconds(TASKS / 2))) {
                Thread.sleep(200);
            }
            LeadFileKillNineIT.killNine(pa);
            Map<Long, Integer> reminded = new HashMap<>();
            Map<String, Integer> byNode = new TreeMap<>();
            for (int i = 0; i < 240; i++) {
                reminded.clear();
                byNode.clear();
                JsonNode page = JSON.readTree(get(b.port, "/api/v1/timeline/" + id + "?kind=TASK_DUE&limit=200").body());
                for (JsonNode e : page.get("items")) {
                    JsonNode payload = JSON.readTree(e.get("payload").asText());
                    reminded.merge(payload.get("taskId").asLong(), 1, Integer::sum);
                    byNode.merge(payload.get("node").asText(), 1, Integer::sum);
                }
                if (reminded.size() == TASKS) {
                    break;
                }
                Thread.sleep(500);
            }
            System.out.println("[evergreen] reminders per node: " + byNode);
            assertEquals(TASKS, reminded.size(), "every task was reminded: " + reminded.keySet() + " of " + tasks);
            assertTrue(reminded.values().stream().allMatch(n -> n == 1), "each once: " + reminded);
            assertTrue(byNode.containsKey("node-b"), "the surviving node took over: " + byNode);

            pa = start(a);
            awaitReady(a.port);
            JsonNode after = JSON.readTree(get(a.port, "/api/v1/schedule/tasks").body());
            boolean sweeperThere = false;
            for (JsonNode t : after) {
                sweeperThere |= t.path("name").asText().equals("queue-lease-sweeper") && t.path("registered").asBoolean()
                        && t.path("lastSuccess").isTextual();
            }
            assertTrue(sweeperThere, "after its restart node A finds the recurring tasks with their history: " + after);
        } finally {
            LeadFileKillNineIT.killNine(pa);
            if (pb != null) {
                LeadFileKillNineIT.killNine(pb);
            }
        }
    }

    private record Node(Path home, int port) {
    }

    private static Node unpack(String name, String url) throws Exception {
        Path home = Path.of("target", name).toAbsolutePath();
        if (Files.exists(home)) {
            try (Stream<Path> walk = Files.walk(home)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(home);
        String tarball = System.getProperty("evergreen.distribution", "target/karaf-assembly.tar.gz");
        Process tar = new ProcessBuilder("tar", "xzf", Path.of(tarball).toAbsolutePath().toString(), "-C", home.toString(),
                "--strip-components=1").inheritIO().start();
        assertEquals(0, tar.waitFor());
        int port = freePort();
        append(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port = " + port);
        append(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort = " + freePort());
        append(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort = " + freePort() + "\nrmiServerPort = " + freePort());
        append(home.resolve("etc/org.evergreencrm.security.cfg"), "pbkdf2Iterations = 20000");
        append(home.resolve("etc/org.evergreencrm.compliance.cfg"), "federal.window = 00:00-23:59:59");
        append(home.resolve("etc/org.evergreencrm.scheduler.cfg"), "nodeName = node-" + name.substring(name.length() - 1));
        append(home.resolve("etc/org.evergreencrm.timeline.cfg"), "reminderSeconds = 1");
        append(home.resolve("etc/org.evergreencrm.scheduler.cfg"), "heartbeatSeconds = 2");
        append(home.resolve("etc/org.ops4j.datasource-evergreen.cfg"), "osgi.jdbc.driver.name = PostgreSQL JDBC Driver\nurl = " + url
                + "\nuser = " + System.getProperty("evergreen.test.pg.user", "postgres") + "\npassword = "
                + System.getProperty("evergreen.test.pg.password", ""));
        return new Node(home, port);
    }

    private static Process start(Node n) throws IOException {
        return new ProcessBuilder(n.home().resolve("bin/karaf").toString(), "server").directory(n.home().toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(n.home().resolve("console.log").toFile())).start();
    }

    private void awaitReady(int port) throws InterruptedException {
        for (int i = 0; i < 360; i++) {
            try {
                if (get(port, "/health/ready").statusCode() == 200 && get(port, "/api/v1/me").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Karaf did not get ready on port " + port);
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return send(port, "GET", path, null);
    }

    private HttpResponse<String> send(int port, String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:evergreen".getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            req.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            req.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, "\n" + text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
