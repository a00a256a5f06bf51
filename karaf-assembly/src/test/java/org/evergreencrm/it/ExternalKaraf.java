package org.evergreencrm.it;

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
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built distribution unpacked into a folder of its own and run as a separate process on free ports, for tests that
 * drive it from outside (a browser, a kill -9). Demo data and environment overrides come from the caller.
 */
final class ExternalKaraf implements AutoCloseable {
    final Path home;
    final int port;
    private final Map<String, String> env;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    ExternalKaraf(String name, Map<String, String> env) throws Exception {
        this.home = Path.of("target", name).toAbsolutePath();
        this.env = env;
        if (Files.exists(home)) {
            try (Stream<Path> walk = Files.walk(home)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(home);
        String tarball = System.getProperty("evergreen.distribution", "target/karaf-assembly.tar.gz");
        Process tar = new ProcessBuilder("tar", "xzf", Path.of(tarball).toAbsolutePath().toString(), "-C", home.toString(),
                "--strip-components=1").inheritIO().start();
        if (tar.waitFor() != 0) {
            throw new IllegalStateException("could not unpack " + tarball);
        }
        this.port = freePort();
        append("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port = " + port);
        append("etc/org.apache.karaf.shell.cfg", "sshPort = " + freePort());
        append("etc/org.apache.karaf.management.cfg", "rmiRegistryPort = " + freePort() + "\nrmiServerPort = " + freePort());
        append("etc/org.evergreencrm.security.cfg", "pbkdf2Iterations = 20000");
    }

    void append(String file, String text) throws IOException {
        Files.writeString(home.resolve(file), "\n" + text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    ExternalKaraf start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        pb.environment().put("EVERGREEN_BASE_URL", baseUrl());
        pb.environment().putAll(env);
        process = pb.start();
        return this;
    }

    /** Waits until readiness answers UP. */
    void awaitReady(int seconds) throws InterruptedException {
        for (int i = 0; i < seconds * 2; i++) {
            try {
                HttpResponse<String> r = get("/health/ready", null);
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Evergreen did not become ready on port " + port + " within " + seconds + " s");
    }

    /** A Karaf shell command through {@code bin/client -b} (commands on stdin), answering what it printed. */
    String shell(String command) throws IOException, InterruptedException {
        Path in = Files.createTempFile(home, "shell", ".txt");
        Files.writeString(in, command + "\n");
        Process p = new ProcessBuilder(home.resolve("bin/client").toString(), "-b").directory(home.toFile()).redirectErrorStream(true)
                .redirectInput(in.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        Files.deleteIfExists(in);
        return out;
    }

    HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET(), user);
    }

    HttpResponse<String> post(String path, String user, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), user);
    }

    HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), null);
    }

    private HttpResponse<String> send(HttpRequest.Builder b, String user) throws IOException, InterruptedException {
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":evergreen").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
