package org.evergreencrm.smartystreets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.evergreencrm.api.address.AddressVerifier;
import org.evergreencrm.api.address.AddressVerifier.Query;
import org.evergreencrm.api.address.AddressVerifier.Result;
import org.evergreencrm.api.address.StandardAddress;
import org.evergreencrm.store.internal.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The real SDK against a local stub answering like the documented US Street API: candidates (single GET and batch
 * POST), no match, 401, 402, 429, 5xx and slow answers; the cache, retries and the circuit breaker.
 */
class SmartyVerifierTest {
    static final String CANDIDATE = "{\"input_index\":%d,\"candidate_index\":0,\"delivery_line_1\":\"500 N PALAFOX ST STE 2\","
            + "\"last_line\":\"PENSACOLA FL 32501-5421\",\"components\":{\"primary_number\":\"500\",\"street_predirection\":\"N\","
            + "\"street_name\":\"PALAFOX\",\"street_suffix\":\"ST\",\"secondary_designator\":\"STE\",\"secondary_number\":\"2\","
            + "\"city_name\":\"PENSACOLA\",\"state_abbreviation\":\"FL\",\"zipcode\":\"32501\",\"plus4_code\":\"5421\"},"
            + "\"metadata\":{\"record_type\":\"H\",\"county_fips\":\"12033\",\"county_name\":\"Escambia\",\"rdi\":\"Commercial\","
            + "\"latitude\":30.41517,\"longitude\":-87.21536,\"precision\":\"Zip9\",\"time_zone\":\"Central\",\"utc_offset\":-6,\"dst\":true},"
            + "\"analysis\":{\"dpv_match_code\":\"Y\",\"dpv_footnotes\":\"AABB\",\"dpv_cmra\":\"N\",\"dpv_vacant\":\"N\",\"footnotes\":\"N#\"}}";

    private HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile int status = 200;
    private volatile long delayMillis;
    private final AtomicInteger failFirst = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = x.getRequestURI().getRawQuery() == null ? "" : x.getRequestURI().getRawQuery();
        requests.add(x.getRequestMethod() + " " + x.getRequestURI().getPath() + " " + query + " " + body);
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int code = failFirst.getAndDecrement() > 0 ? 503 : status;
        String reply;
        if (code != 200) {
            reply = "{\"errors\":[{\"message\":\"status " + code + "\"}]}";
        } else {
            // one candidate per lookup, except streets containing NOWHERE (no match: the lookup is left out)
            List<String> streets = new ArrayList<>();
            if (x.getRequestMethod().equals("GET")) {
                streets.add(java.net.URLDecoder.decode(query, StandardCharsets.UTF_8));
            } else {
                for (String part : body.split("\\},\\{")) {
                    streets.add(part);
                }
            }
            List<String> found = new ArrayList<>();
            for (int i = 0; i < streets.size(); i++) {
                if (!streets.get(i).toUpperCase().contains("NOWHERE")) {
                    found.add(String.format(CANDIDATE, i));
                }
            }
            reply = "[" + String.join(",", found) + "]";
        }
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(code, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private SmartyVerifier verifier(DataSource ds, int retries, int breakerFailures, int timeoutMillis) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/street-address";
        return new SmartyVerifier(ds, config(url, retries, breakerFailures, timeoutMillis), Clock.systemUTC());
    }

    private static DataSource db() {
        return TestDatabases.migrated(TestDatabases.h2().dataSource());
    }

    private static Query q(String street) {
        return new Query(null, street, null, "PENSACOLA", "FL", "32501");
    }

    @Test
    void candidatesAreMappedCachedAndReusedAcrossContacts() {
        SmartyVerifier v = verifier(db(), 0, 3, 2000);
        Result r = v.verify(List.of(q("500 N PALAFOX ST STE 2"))).get(0);
        assertTrue(r.ok());
        assertFalse(r.cached());
        StandardAddress a = r.candidates().get(0);
        assertEquals("500 N PALAFOX ST STE 2", a.deliveryLine1());
        assertEquals("5421", a.components().plus4Code());
        assertEquals("Y", a.analysis().dpvMatchCode());
        assertTrue(a.verified());
        assertEquals("America/Chicago", a.metadata().timeZone(), "Smarty's \"Central\" as an IANA zone");
        assertEquals("Zip9", a.metadata().precision());
        assertEquals("Commercial", a.metadata().rdi());
        assertEquals("12033", a.metadata().countyFips());
        assertEquals(1, requests.size());
        // the same address for another contact (other spacing and case): from the cache, no lookup paid
        Result again = v.verify(List.of(new Query(null, "500 n palafox st  ste 2", null, "Pensacola", "fl", "32501"))).get(0);
        assertTrue(again.cached());
        assertEquals(a.deliveryLine1(), again.candidates().get(0).deliveryLine1());
        assertEquals(1, requests.size());
        assertTrue(v.status().contains("1 lookups saved"), v.status());
    }

    @Test
    void aBatchOfAHundredGoesInOneRequestAndNoMatchIsAnEmptyAnswer() {
        SmartyVerifier v = verifier(db(), 0, 3, 2000);
        List<Query> qs = IntStream.range(0, AddressVerifier.MAX_BATCH)
                .mapToObj(i -> q(i == 7 ? "1 NOWHERE LN" : (100 + i) + " N PALAFOX ST")).toList();
        List<Result> rs = v.verify(qs);
        assertEquals(1, requests.size(), "one POST for the batch");
        assertTrue(requests.get(0).startsWith("POST"), requests.get(0));
        assertEquals(100, rs.size());
        assertTrue(rs.get(7).ok() && rs.get(7).candidates().isEmpty(), "no match: ok, no candidate");
        assertEquals(1, rs.get(8).candidates().size());
        assertTrue(v.verify(List.of(q("1 NOWHERE LN"))).get(0).cached(), "a no-match is cached too");
    }

    @Test
    void badCredentialsAndNoCreditFailAtOnceAndOpenTheCircuit() {
        status = 401;
        SmartyVerifier v = verifier(db(), 2, 3, 2000);
        Result r = v.verify(List.of(q("1 A ST"))).get(0);
        assertEquals("401 bad credentials", r.failure());
        assertEquals(1, requests.size(), "no retry for bad credentials");
        Result refused = v.verify(List.of(q("2 B ST"))).get(0);
        assertTrue(refused.failure().startsWith("circuit open"), refused.failure());
        assertEquals(1, requests.size(), "an open circuit sends nothing");

        status = 402;
        SmartyVerifier broke = verifier(db(), 2, 3, 2000);
        assertEquals("402 payment required: out of credit", broke.verify(List.of(q("3 C ST"))).get(0).failure());
        assertTrue(broke.status().contains("circuit open"), broke.status());
    }

    @Test
    void throttlingAndServerErrorsAreRetriedWithBackoff() {
        failFirst.set(2); // two 503s, then the answer
        SmartyVerifier v = verifier(db(), 2, 3, 2000);
        Result r = v.verify(List.of(q("500 N PALAFOX ST"))).get(0);
        assertTrue(r.ok(), r.failure());
        assertEquals(3, requests.size());

        status = 429;
        SmartyVerifier throttled = verifier(db(), 1, 5, 2000);
        requests.clear();
        Result t = throttled.verify(List.of(q("9 Z ST"))).get(0);
        assertFalse(t.ok());
        assertEquals(2, requests.size(), "429 is retried: " + t.failure());

        status = 500;
        SmartyVerifier failing = verifier(db(), 0, 2, 2000);
        assertFalse(failing.verify(List.of(q("1 A ST"))).get(0).ok());
        assertFalse(failing.verify(List.of(q("2 A ST"))).get(0).ok());
        assertTrue(failing.verify(List.of(q("3 A ST"))).get(0).failure().startsWith("circuit open"), "two failures open it");
    }

    @Test
    void aSlowAnswerTimesOut() {
        delayMillis = 1500;
        SmartyVerifier v = verifier(db(), 0, 3, 300);
        long t0 = System.nanoTime();
        Result r = v.verify(List.of(q("1 SLOW ST"))).get(0);
        assertFalse(r.ok(), (System.nanoTime() - t0) / 1e6 + " ms, " + requests + " " + r);
        assertTrue(r.failure().startsWith("timeout"), r.failure());
        assertTrue((System.nanoTime() - t0) / 1e6 < 1400, "gave up before the answer came");
    }

    @Test
    void theCredentialsAreNeverShown() {
        SmartyVerifier v = verifier(db(), 0, 3, 2000);
        assertFalse(v.status().contains("secret-token-123"));
        assertFalse(v.status().contains("my-auth-id"));
        assertEquals("my-a****", SmartyVerifier.mask("my-auth-id"));
        assertNull(SmartyMapper.zone(null, true));
        assertEquals("America/Phoenix", SmartyMapper.zone("Mountain", false));
    }

    static SmartyConfig config(String url, int retries, int breakerFailures, int timeoutMillis) {
        return new SmartyConfig() {
            public Class<? extends Annotation> annotationType() {
                return SmartyConfig.class;
            }

            public String authId() {
                return "my-auth-id";
            }

            public String authToken() {
                return "secret-token-123";
            }

            public String baseUrl() {
                return url;
            }

            public int timeoutMillis() {
                return timeoutMillis;
            }

            public int retries() {
                return retries;
            }

            public int backoffMillis() {
                return 10;
            }

            public int cacheDays() {
                return 90;
            }

            public int breakerFailures() {
                return breakerFailures;
            }

            public int breakerSeconds() {
                return 60;
            }
        };
    }
}
