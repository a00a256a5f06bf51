package org.evergreencrm.bench;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.websocket.OnClose;
import javax.websocket.OnMessage;
import javax.websocket.OnOpen;
import javax.websocket.Session;
import javax.websocket.server.ServerEndpoint;

import org.evergreencrm.it.EvergreenTestSupport;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.http.context.ServletContextHelper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The console's live fan-out (issue #12, item 8): {@value #CLIENTS} signed-in WebSocket clients on {@code /live/socket};
 * one change (a note added through the REST API) and the time until each client has the event, against a bare
 * WebSocket endpoint on the same server that sends every message it gets to all its {@value #CLIENTS} sessions. Both
 * latencies run from the moment the change (or the message) is sent to the moment a client has it. Run with
 * -Pbenchmark (docs/benchmarks.md); {@code -Devergreen.bench.clients=N}, {@code -Devergreen.bench.changes=N}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class H2LiveFanoutBenchmark extends EvergreenTestSupport {
    static final int CLIENTS = Integer.getInteger("evergreen.bench.clients", 500);
    static final int CHANGES = Integer.getInteger("evergreen.bench.changes", 30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The baseline: every text message goes to every open session, one after the other, as the hub sends. */
    @ServerEndpoint("/echo")
    public static final class Broadcast {
        static final Set<Session> SESSIONS = ConcurrentHashMap.newKeySet();

        @OnOpen
        public void open(Session s) {
            SESSIONS.add(s);
        }

        @OnClose
        public void close(Session s) {
            SESSIONS.remove(s);
        }

        @OnMessage
        public void message(Session from, String text) throws java.io.IOException {
            for (Session s : SESSIONS) {
                synchronized (s) {
                    s.getBasicRemote().sendText(text);
                }
            }
        }
    }

    /** What one client saw: the time each marked message arrived. */
    private static final class Client implements WebSocket.Listener {
        final ConcurrentHashMap<String, Long> arrived = new ConcurrentHashMap<>();
        final CountDownLatch hello = new CountDownLatch(1);
        private final StringBuilder partial = new StringBuilder();
        volatile CountDownLatch round;
        volatile String marker;
        volatile String topic;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                long now = System.nanoTime();
                if (text.contains("\"hello\"")) {
                    hello.countDown();
                }
                String m = marker;
                if (m != null && text.contains(m) && (topic == null || text.contains(topic)) && arrived.putIfAbsent(m, now) == null) {
                    round.countDown();
                }
            }
            ws.request(1);
            return null;
        }
    }

    @Configuration
    public Option[] config() {
        List<Option> options = baseOptions();
        options.add(systemProperty("evergreen.bench.out").value(new File("target/benchmarks").getAbsolutePath()));
        options.add(systemProperty("evergreen.bench.clients").value(Integer.toString(CLIENTS)));
        options.add(systemProperty("evergreen.bench.changes").value(Integer.toString(CHANGES)));
        return options.toArray(new Option[0]);
    }

    @Test
    public void liveFanoutAgainstABareBroadcast() throws Exception {
        awaitAllBundlesActive();
        int port = Integer.getInteger("evergreen.test.http.port");
        String base = "http://localhost:" + port;
        Hashtable<String, Object> ctx = new Hashtable<>();
        ctx.put("osgi.http.whiteboard.context.name", "evergreen-bench");
        ctx.put("osgi.http.whiteboard.context.path", "/bench");
        ctx.put("evergreen.unfiltered", "true"); // as the live context: no platform filters on a WebSocket-only context
        ServiceRegistration<ServletContextHelper> context = this.context.registerService(ServletContextHelper.class,
                new ServletContextHelper() { }, ctx);
        Hashtable<String, Object> ep = new Hashtable<>();
        ep.put("org.ops4j.pax.web.http.whiteboard.websocket", "true");
        ep.put("osgi.http.whiteboard.context.select", "(osgi.http.whiteboard.context.name=evergreen-bench)");
        ServiceRegistration<Object> echo = this.context.registerService(Object.class, new Broadcast(), ep);

        // sign in once; each live socket takes its own one-time ticket
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json").header("X-Evergreen-Client", "bench")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = JSON.readTree(login.body()).get("csrfToken").asText();
        // one contact per change: the note's event names only its contact, so each round waits for its own
        long[] contacts = new long[CHANGES + 5];
        for (int i = 0; i < contacts.length; i++) {
            contacts[i] = JSON.readTree(send("POST", base + "/api/v1/contacts", cookie, csrf, "{\"firstName\":\"Fan\",\"lastName\":\"Out"
                    + i + "\",\"phones\":[{\"number\":\"813-555-" + (1000 + i) + "\",\"type\":\"MOBILE\"}]}")).get("id").asLong();
        }

        List<Client> live = new ArrayList<>();
        List<WebSocket> liveSockets = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String ticket = JSON.readTree(send("POST", base + "/api/v1/session/ticket", cookie, csrf, "{}")).get("ticket").asText();
            Client c = new Client();
            liveSockets.add(http.newWebSocketBuilder().buildAsync(URI.create("ws://localhost:" + port + "/live/socket?ticket=" + ticket), c)
                    .get(10, TimeUnit.SECONDS));
            if (!c.hello.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("live socket " + i + " was not greeted");
            }
            live.add(c);
        }
        List<Client> bare = new ArrayList<>();
        List<WebSocket> bareSockets = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Client c = new Client();
            bareSockets.add(connect("ws://localhost:" + port + "/bench/echo", c));
            bare.add(c);
        }
        for (int w = 0; w < 5; w++) { // warm-up
            long id = contacts[CHANGES + w];
            round(live, idMarker(id), CHANGED, () -> send("POST", base + "/api/v1/timeline/" + id + "/notes", cookie, csrf, note("warm")));
            String b = "bwarm" + w;
            round(bare, b, null, () -> bareSockets.get(0).sendText("{\"m\":\"" + b + "\"}", true));
        }
        long[] liveLatency = new long[CHANGES * CLIENTS];
        long[] bareLatency = new long[CHANGES * CLIENTS];
        for (int r = 0; r < CHANGES; r++) {
            final int k = r;
            long id = contacts[r];
            String m = idMarker(id);
            long t0 = round(live, m, CHANGED, () -> send("POST", base + "/api/v1/timeline/" + id + "/notes", cookie, csrf, note("change " + k)));
            collect(live, m, t0, liveLatency, r);
            String b = "bare-" + r + "-" + System.nanoTime();
            long t1 = round(bare, b, null, () -> bareSockets.get(k % CLIENTS).sendText("{\"m\":\"" + b + "\"}", true));
            collect(bare, b, t1, bareLatency, r);
        }
        Arrays.sort(liveLatency);
        Arrays.sort(bareLatency);
        String report = String.format(Locale.ROOT, "| %d clients, %d changes | p50 ms | p99 ms | max ms |%n|---|---:|---:|---:|%n"
                + "| bare WebSocket broadcast (same server) | %.2f | %.2f | %.2f |%n"
                + "| Evergreen live: a note added → event on every socket | %.2f | %.2f | %.2f |%n",
                CLIENTS, CHANGES, ms(bareLatency, 0.5), ms(bareLatency, 0.99), ms(bareLatency, 1),
                ms(liveLatency, 0.5), ms(liveLatency, 0.99), ms(liveLatency, 1));
        System.out.println("[evergreen] live fan-out on H2, " + Runtime.getRuntime().availableProcessors() + " cores:\n" + report);
        Path dir = Path.of(System.getProperty("evergreen.bench.out", "target/benchmarks"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("live-fanout.md"), report);
        liveSockets.forEach(s -> s.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
        bareSockets.forEach(s -> s.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
        echo.unregister();
        context.unregister();
    }

    private interface Action {
        void run() throws Exception;
    }

    /** Sends one change and waits until every client has it; returns when it was sent. */
    private static long round(List<Client> clients, String marker, String topic, Action change) throws Exception {
        CountDownLatch all = new CountDownLatch(clients.size());
        for (Client c : clients) {
            c.round = all;
            c.topic = topic;
            c.marker = marker;
        }
        long t0 = System.nanoTime();
        change.run();
        if (!all.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(all.getCount() + " of " + clients.size() + " clients did not get " + marker);
        }
        return t0;
    }

    private static void collect(List<Client> clients, String marker, long t0, long[] into, int round) {
        for (int i = 0; i < clients.size(); i++) {
            into[round * clients.size() + i] = clients.get(i).arrived.get(marker) - t0;
        }
    }

    private static double ms(long[] sorted, double q) {
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
        return sorted[i] / 1e6;
    }

    private static final String CHANGED = "\"topic\":\"timeline.CHANGED\"";

    private static String idMarker(long contactId) {
        return "\"contactIds\":[" + contactId + "]";
    }

    private static String note(String text) {
        return "{\"text\":\"fan-out " + text + "\"}";
    }

    private WebSocket connect(String url, Client c) throws Exception {
        for (int attempt = 0; ; attempt++) { // the bench context starts a moment after its registration
            try {
                return http.newWebSocketBuilder().buildAsync(URI.create(url), c).get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (attempt > 50) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private String send(String method, String url, String cookie, String csrf, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
