package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.evergreencrm.api.lead.LeadFeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The feed against a stub of the provider's API on a local port. */
class ProviderFeedTest {
    private final List<String> asked = new ArrayList<>();
    private HttpServer server;

    private URI serve(int status, String... pages) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/leads", exchange -> {
            asked.add(exchange.getRequestURI().getRawQuery() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = pages[Math.min(asked.size(), pages.length) - 1].getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/leads");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void pollsPageByPageWithTheCursor() throws Exception {
        ProviderFeed feed = new ProviderFeed(serve(200,
                "{\"leads\":[{\"id\":\"L-1\",\"first_name\":\"Ann\",\"last_name\":\"Lee\",\"phone\":\"(813) 555-0101\"}],\"next\":\"c1\"}",
                "{\"leads\":[],\"next\":null}"), "t0ken", Duration.ofSeconds(30));
        LeadFeed.Batch first = feed.poll(null);
        assertEquals(1, first.leads().size());
        assertEquals("L-1", first.leads().get(0).sourceLeadId());
        assertEquals("Ann", first.leads().get(0).fields().get("first_name"));
        assertEquals("c1", first.nextCursor());
        LeadFeed.Batch second = feed.poll(first.nextCursor());
        assertEquals(0, second.leads().size());
        assertNull(second.nextCursor());
        assertEquals(List.of("null Bearer t0ken", "since=c1 Bearer t0ken"), asked);
        assertEquals("${feedName}", feed.name());
    }

    @Test
    void aFailingProviderThrowsSoTheCursorStays() throws Exception {
        ProviderFeed feed = new ProviderFeed(serve(503, "busy"), "", Duration.ofSeconds(30));
        assertThrows(IOException.class, () -> feed.poll("c1"));
    }
}
