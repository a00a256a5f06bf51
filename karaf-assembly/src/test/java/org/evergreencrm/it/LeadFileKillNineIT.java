package org.evergreencrm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue #4's reliability test: Karaf (the built distribution, a separate process) is killed with SIGKILL in the
 * middle of a 10,000-lead file; after a restart every lead is stored exactly once — nothing lost, nothing doubled.
 */
class LeadFileKillNineIT {
    private static final int LEADS = Integer.getInteger("evergreen.kill9.leads", 10_000);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aKillNineInTheMiddleOfALeadFileLosesAndDoublesNothing() throws Exception {
        Path home = Path.of("target", "kill9").toAbsolutePath();
        if (Files.exists(home)) {
            try (Stream<Path> walk = Files.walk(home)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(home);
        String tarball = System.getProperty("evergreen.distribution", "target/karaf-assembly.tar.gz");
        run(new ProcessBuilder("tar", "xzf", Path.of(tarball).toAbsolutePath().toString(), "-C", home.toString(),
                "--strip-components=1"));
        int port = freePort();
        append(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port = " + port);
        append(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort = " + freePort());
        append(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort = " + freePort() + "\nrmiServerPort = " + freePort());
        append(home.resolve("etc/org.evergreencrm.security.cfg"), "pbkdf2Iterations = 20000");
        Path drop = home.resolve("lead-drop");
        Files.createDirectories(drop);

        Process karaf = start(home, drop);
        try {
            awaitUp(port);
            StringBuilder csv = new StringBuilder("id,first_name,last_name,phone,zip\n");
            for (int i = 0; i < LEADS; i++) {
                csv.append("k9-").append(i).append(",Kim").append(i).append(",Killnine").append(i).append(",(813) ")
                        .append(200 + i / 10_000).append('-').append(String.format("%04d", i % 10_000)).append(",33602\n");
            }
            Path tmp = drop.resolve("big.tmp");
            Files.writeString(tmp, csv);
            Files.move(tmp, drop.resolve("big.csv"), StandardCopyOption.ATOMIC_MOVE);
            long before = awaitLeads(port, LEADS / 5, 300);
            killNine(karaf);
            assertTrue(before < LEADS, "killed after " + before + " of " + LEADS + " leads, not in the middle");
            System.out.println("[evergreen] kill -9 after " + before + " of " + LEADS + " leads of the file");

            karaf = start(home, drop);
            awaitUp(port);
            awaitLeads(port, LEADS, 600);
            for (int i = 0; i < 240 && !movedToDone(drop); i++) {
                Thread.sleep(500);
            }
            assertTrue(movedToDone(drop), "the file never reached done/");
            JsonNode source = fileDropSource(port);
            assertEquals(LEADS, source.get("leads").asLong(), "every lead stored exactly once: " + source);
            assertEquals(0, source.get("openDeadLetters").asLong(), source.toString());
            assertEquals(LEADS, contactCount(home), "one contact per lead: nothing doubled by the restart");
            // the container has no default password: Karaf's old admin/admin is refused over SSH
            assertFalse(shell(home, "-u", "admin", "-p", "admin").contains("records"), "admin/admin must not open the shell");
        } finally {
            killNine(karaf);
        }
    }

    private Process start(Path home, Path drop) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        pb.environment().put("EVERGREEN_LEAD_DROP", drop.toString());
        return pb.start();
    }

    static void killNine(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly); // SIGKILL: no shutdown hooks, no clean stop
        p.destroyForcibly();
        try {
            p.waitFor(30, TimeUnit.SECONDS);
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitUp(int port) throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            try {
                if (get(port, "/api/v1/leads/sources").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Karaf did not come up on port " + port);
    }

    private long awaitLeads(int port, long atLeast, int seconds) throws Exception {
        long n = 0;
        for (int i = 0; i < seconds * 4; i++) {
            JsonNode s = fileDropSource(port);
            n = s == null ? 0 : s.get("leads").asLong();
            if (n >= atLeast) {
                return n;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("only " + n + " leads after " + seconds + " s, expected " + atLeast);
    }

    private JsonNode fileDropSource(int port) throws Exception {
        for (JsonNode s : JSON.readTree(get(port, "/api/v1/leads/sources").body())) {
            if ("file-drop".equals(s.get("source").asText())) {
                return s;
            }
        }
        return null;
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:evergreen".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private static boolean movedToDone(Path drop) throws IOException {
        Path done = drop.resolve("done");
        if (!Files.isDirectory(done)) {
            return false;
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("big.csv"));
        }
    }

    /** {@code crm:status} through bin/client (without a user it signs in with the generated admin of etc/users.properties). */
    private static String shell(Path home, String... login) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(home.resolve("bin/client").toString()));
        command.addAll(java.util.List.of(login));
        command.add("-b");
        Process client = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
        client.getOutputStream().write("crm:status\n".getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().close();
        String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        client.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static long contactCount(Path home) throws Exception {
        String out = shell(home);
        Matcher m = Pattern.compile("records\\s+(\\d+) contacts").matcher(out);
        assertTrue(m.find(), out);
        return Long.parseLong(m.group(1));
    }

    private static void run(ProcessBuilder pb) throws Exception {
        Process p = pb.inheritIO().start();
        assertEquals(0, p.waitFor(), String.join(" ", pb.command()));
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
