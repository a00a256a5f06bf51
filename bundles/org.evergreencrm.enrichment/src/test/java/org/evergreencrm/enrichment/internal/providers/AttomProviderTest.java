package org.evergreencrm.enrichment.internal.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.evergreencrm.api.address.AddressComponents;
import org.evergreencrm.api.address.AddressMetadata;
import org.evergreencrm.api.address.AddressSource;
import org.evergreencrm.api.address.StandardAddress;
import org.evergreencrm.api.enrichment.EnrichmentSubject;
import org.evergreencrm.api.enrichment.EnrichmentValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The ATTOM adapter against a local stub answering like the documented Property API: a match with characteristics
 * and a value, no match (400 SuccessWithoutResult), 401, 429 then success, 5xx until the circuit opens, a slow answer.
 */
class AttomProviderTest {
    private static final String DETAIL = "{\"status\":{\"version\":\"1.0.0\",\"code\":0,\"msg\":\"SuccessWithResult\",\"total\":1},"
            + "\"property\":[{\"identifier\":{\"attomId\":145423726},\"address\":{\"oneLine\":\"4529 WINONA CT, DENVER, CO 80212\"},"
            + "\"summary\":{\"absenteeInd\":\"OWNER OCCUPIED\",\"propclass\":\"Single Family Residence / Townhouse\",\"yearbuilt\":1953},"
            + "\"building\":{\"size\":{\"livingsize\":1832},\"rooms\":{\"bathstotal\":2.5,\"beds\":3}},\"lot\":{\"lotsize1\":0.17,\"lotsize2\":7405}}]}";
    private static final String AVM = "{\"status\":{\"code\":0,\"msg\":\"SuccessWithResult\"},\"property\":[{\"avm\":{\"amount\":"
            + "{\"value\":612000,\"low\":575000,\"high\":649000,\"scr\":87}}}]}";
    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger failFirst = new AtomicInteger();
    private volatile long delayMillis;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/propertyapi/v1.0.0/", this::answer);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange x) throws IOException {
        requests.add(x.getRequestURI().getPath() + "?" + x.getRequestURI().getQuery() + " apikey=" + x.getRequestHeaders().getFirst("apikey"));
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int code = failFirst.getAndDecrement() > 0 ? 429 : status.get();
        String body = switch (code) {
            case 200 -> x.getRequestURI().getPath().endsWith("/attomavm/detail") ? AVM : DETAIL;
            case 400 -> "{\"status\":{\"code\":1,\"msg\":\"SuccessWithoutResult\",\"total\":0}}";
            case 401 -> "{\"Response\":{\"status\":{\"code\":\"401\",\"msg\":\"Invalid API Key\"}}}";
            default -> "{\"status\":{\"msg\":\"busy\"}}";
        };
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(code, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private AttomProvider provider(int timeoutMillis, int retries, int failuresToOpen) {
        return provider(timeoutMillis, retries, failuresToOpen, null);
    }

    private AttomProvider provider(int timeoutMillis, int retries, int failuresToOpen, PropertyCache cache) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/propertyapi/v1.0.0/";
        return new AttomProvider(new AttomConfig() {
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return AttomConfig.class;
            }

            public String apiKey() {
                return " secret-key-123 ";
            }

            public String baseUrl() {
                return base;
            }

            public boolean estimatedValue() {
                return true;
            }

            public int timeoutMillis() {
                return timeoutMillis;
            }

            public int retries() {
                return retries;
            }

            public int failuresToOpen() {
                return failuresToOpen;
            }

            public int coolDownSeconds() {
                return 60;
            }

            public int cacheDays() {
                return 30;
            }
        }, java.time.Clock.systemUTC(), cache);
    }

    private static EnrichmentSubject denver() {
        return denver(Instant.parse("2026-12-03T10:00:00Z"));
    }

    private static EnrichmentSubject denver(Instant now) {
        AddressComponents c = new AddressComponents("4529", null, "WINONA", "CT", null, null, null, "DENVER", "CO", "80212", null);
        StandardAddress a = new StandardAddress(null, "4529 WINONA CT", "DENVER CO 80212", c, AddressMetadata.UNKNOWN, null,
                AddressSource.OFFLINE, Instant.now());
        return new EnrichmentSubject(1L, a, null, "80212", "CO", now);
    }

    @Test
    void characteristicsAndValueAreMappedWithTheirUnits() throws Exception {
        Map<String, EnrichmentValue> v = provider(2000, 0, 3).enrich(denver()).stream()
                .collect(Collectors.toMap(EnrichmentValue::field, x -> x));
        assertEquals("1953", v.get("yearBuilt").value());
        assertEquals("1832", v.get("livingAreaSqft").value());
        assertEquals("sqft", v.get("livingAreaSqft").unit());
        assertEquals("3", v.get("bedrooms").value());
        assertEquals("2.5", v.get("bathrooms").value());
        assertEquals("0.17", v.get("lotSizeAcres").value());
        assertEquals("true", v.get("ownerOccupied").value());
        assertEquals("612000", v.get("estimatedValue").value());
        assertEquals("USD", v.get("estimatedValue").unit());
        assertTrue(v.get("estimatedValue").detail().contains("575000–649000") && v.get("estimatedValue").detail().contains("87"));
        assertTrue(v.values().stream().allMatch(x -> "property".equals(x.group()) && "attom".equals(x.source())));
        assertEquals(2, requests.size(), "detail and AVM");
        assertTrue(requests.get(0).startsWith("/propertyapi/v1.0.0/property/detail?address1=4529 WINONA CT&address2=DENVER CO 80212"), requests.get(0));
        assertTrue(requests.get(0).endsWith("apikey=secret-key-123"), "the key goes in the header, trimmed");
    }

    @Test
    void anAnswerIsPaidForOnceAndReusedForEveryContactAtTheAddressWhileFresh() throws Exception {
        PropertyCache cache = new PropertyCache(org.evergreencrm.store.internal.TestDatabases.migrated(
                org.evergreencrm.store.internal.TestDatabases.h2().dataSource()));
        AttomProvider p = provider(2000, 0, 3, cache);
        List<EnrichmentValue> first = p.enrich(denver());
        assertEquals(2, requests.size());
        List<EnrichmentValue> second = p.enrich(denver(Instant.parse("2026-12-20T10:00:00Z")));
        assertEquals(2, requests.size(), "the second contact at that address costs nothing");
        assertEquals(first.stream().map(EnrichmentValue::value).toList(), second.stream().map(EnrichmentValue::value).toList());
        assertTrue(second.get(0).detail().endsWith("from the cache)"), second.get(0).detail());
        assertEquals(Instant.parse("2026-12-03T10:00:00Z"), second.get(0).at(), "the value's time is when it was answered");
        assertTrue(p.status().contains("1 answered from the cache since start, 1 lookups saved in all"), p.status());
        p.enrich(denver(Instant.parse("2027-01-10T10:00:00Z")));
        assertEquals(4, requests.size(), "older than 30 days: asked again");
        status.set(400);
        p.enrich(new EnrichmentSubject(2L, denver().address(), null, "80212", "CO", Instant.parse("2027-03-01T10:00:00Z")));
        assertEquals(List.of(), p.enrich(new EnrichmentSubject(3L, denver().address(), null, "80212", "CO", Instant.parse("2027-03-02T10:00:00Z"))));
        assertEquals(5, requests.size(), "no data is remembered too");
    }

    @Test
    void noMatchIsNoValuesNotAFailure() throws Exception {
        status.set(400);
        AttomProvider p = provider(2000, 0, 3);
        assertEquals(List.of(), p.enrich(denver()));
        assertTrue(p.status().contains("0 failures"), p.status());
    }

    @Test
    void aForeignOrUnstandardizedAddressIsNotLookedUp() throws Exception {
        assertEquals(List.of(), provider(2000, 0, 3).enrich(new EnrichmentSubject(1L, null, null, null, null, Instant.now())));
        assertEquals(0, requests.size(), "nothing paid for");
    }

    @Test
    void aBadKeyIsReportedAtOnceAndNeverShown() {
        status.set(401);
        AttomProvider p = provider(2000, 2, 3);
        IOException e = assertThrows(IOException.class, () -> p.enrich(denver()));
        assertTrue(e.getMessage().contains("401 unauthorized"), e.getMessage());
        assertEquals(1, requests.size(), "a 401 is not retried");
        assertFalse(p.status().contains("secret"), p.status());
    }

    @Test
    void tooManyRequestsIsRetriedWithBackoff() throws Exception {
        failFirst.set(2);
        List<EnrichmentValue> v = provider(2000, 2, 3).enrich(denver());
        assertFalse(v.isEmpty());
        assertEquals(4, requests.size(), "two 429s, then detail, then AVM");
    }

    @Test
    void serverErrorsOpenTheCircuit() {
        status.set(503);
        AttomProvider p = provider(2000, 1, 2);
        IOException first = assertThrows(IOException.class, () -> p.enrich(denver()));
        assertTrue(first.getMessage().contains("503"), first.getMessage());
        assertThrows(IOException.class, () -> p.enrich(denver()));
        int asked = requests.size();
        IOException open = assertThrows(IOException.class, () -> p.enrich(denver()));
        assertTrue(open.getMessage().contains("circuit open"), open.getMessage());
        assertEquals(asked, requests.size(), "an open circuit sends nothing");
        assertTrue(p.status().contains("circuit open"), p.status());
    }

    @Test
    void aSlowAnswerTimesOut() {
        delayMillis = 1500;
        IOException e = assertThrows(IOException.class, () -> provider(300, 0, 3).enrich(denver()));
        assertTrue(e.getMessage().contains("timed out after 300 ms"), e.getMessage());
    }
}
