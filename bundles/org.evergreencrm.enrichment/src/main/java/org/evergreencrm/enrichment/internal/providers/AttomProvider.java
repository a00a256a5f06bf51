package org.evergreencrm.enrichment.internal.providers;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.evergreencrm.api.address.StandardAddress;
import org.evergreencrm.api.enrichment.EnrichmentProvider;
import org.evergreencrm.api.enrichment.EnrichmentSubject;
import org.evergreencrm.api.enrichment.EnrichmentValue;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Property data from ATTOM's Property API over HTTPS (no official Java SDK exists; the JDK client and Jackson read its
 * documented JSON): {@code property/detail} for the home's characteristics — year built, living area, beds, baths,
 * lot size, property class, owner-occupied — and {@code attomavm/detail} for the estimated value with its range and
 * confidence. US addresses only, by the standardized delivery and last lines. Timeouts, 429 and 5xx are retried with
 * backoff; repeated failures open a circuit for a cool-down; 401/403 are reported at once. Only exists while
 * {@code org.evergreencrm.enrichment.attom} has an API key.
 */
@Component(service = EnrichmentProvider.class, configurationPid = "org.evergreencrm.enrichment.attom",
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = "service.ranking:Integer=60")
@Designate(ocd = AttomConfig.class)
public final class AttomProvider implements EnrichmentProvider {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final String base;
    private final String key;
    private final AttomConfig config;
    private final Clock clock;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicInteger inARow = new AtomicInteger();
    private volatile Instant openUntil = Instant.MIN;

    private final PropertyCache cache;
    private final AtomicLong fromCache = new AtomicLong();

    @Activate
    public AttomProvider(AttomConfig config, @org.osgi.service.component.annotations.Reference(target = "(osgi.jndi.service.name=evergreen)")
            javax.sql.DataSource ds, @org.osgi.service.component.annotations.Reference(target = "(evergreen.schema=org.evergreencrm.enrichment)")
            org.evergreencrm.api.store.SchemaReady schema) {
        this(config, Clock.systemUTC(), new PropertyCache(ds));
    }

    AttomProvider(AttomConfig config, Clock clock, PropertyCache cache) {
        this.cache = cache;
        if (config.apiKey() == null || config.apiKey().isBlank()) {
            throw new IllegalArgumentException("org.evergreencrm.enrichment.attom: apiKey is empty");
        }
        this.config = config;
        this.key = config.apiKey().strip();
        this.base = config.baseUrl().replaceAll("/+$", "");
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(Math.max(100, config.timeoutMillis()))).build();
    }

    @Override
    public String name() {
        return "attom";
    }

    @Override
    public String description() {
        return "property data from ATTOM: year built, living area, beds, baths, lot size, owner-occupied, estimated value";
    }

    @Override
    public boolean external() {
        return true;
    }

    @Override
    public List<EnrichmentValue> enrich(EnrichmentSubject s) throws IOException, InterruptedException {
        StandardAddress a = s.address();
        if (a == null || a.deliveryLine1() == null || a.lastLine() == null) {
            return List.of(); // a US street address is needed; foreign or unreadable addresses are not looked up
        }
        String place = a.deliveryLine1().strip().toUpperCase(Locale.ROOT) + " | " + a.lastLine().strip().toUpperCase(Locale.ROOT);
        if (cache != null) {
            java.util.Optional<List<EnrichmentValue>> cached = cache.get(name(), place, s.now().minus(Duration.ofDays(Math.max(0, config.cacheDays()))));
            if (cached.isPresent()) {
                fromCache.incrementAndGet();
                return cached.get();
            }
        }
        List<EnrichmentValue> out = lookUp(a, s.now());
        if (cache != null) {
            cache.put(name(), place, out, s.now()); // "no data" too: it was paid for as well
        }
        return out;
    }

    private List<EnrichmentValue> lookUp(StandardAddress a, Instant now) throws IOException, InterruptedException {
        String query = "?address1=" + enc(a.deliveryLine1()) + "&address2=" + enc(a.lastLine());
        JsonNode detail = get("/property/detail" + query);
        List<EnrichmentValue> out = new ArrayList<>();
        if (detail == null) {
            return out;
        }
        String from = "ATTOM property detail";
        add(out, "yearBuilt", detail.at("/summary/yearbuilt"), null, from, now);
        add(out, "livingAreaSqft", detail.at("/building/size/livingsize"), "sqft", from, now);
        add(out, "bedrooms", detail.at("/building/rooms/beds"), null, from, now);
        add(out, "bathrooms", detail.at("/building/rooms/bathstotal"), null, from, now);
        add(out, "lotSizeAcres", detail.at("/lot/lotsize1"), "acres", from, now);
        add(out, "lotSizeSqft", detail.at("/lot/lotsize2"), "sqft", from, now);
        add(out, "propertyClass", detail.at("/summary/propclass"), null, from, now);
        JsonNode absentee = detail.at("/summary/absenteeInd");
        if (absentee.isTextual() && !absentee.asText().isBlank()) {
            boolean owner = absentee.asText().toUpperCase(Locale.ROOT).contains("OWNER OCCUPIED");
            out.add(new EnrichmentValue("property", "ownerOccupied", Boolean.toString(owner), null,
                    from + ": absenteeInd \"" + absentee.asText() + "\"", name(), now));
        }
        if (config.estimatedValue()) {
            JsonNode avm = get("/attomavm/detail" + query);
            JsonNode value = avm == null ? null : avm.at("/avm/amount/value");
            if (value != null && value.isNumber()) {
                String range = avm.at("/avm/amount/low").isNumber() ? "range " + avm.at("/avm/amount/low").asLong() + "–"
                        + avm.at("/avm/amount/high").asLong() + " USD" : "no range";
                String confidence = avm.at("/avm/amount/scr").isNumber() ? ", confidence score " + avm.at("/avm/amount/scr").asInt() : "";
                out.add(new EnrichmentValue("property", "estimatedValue", Long.toString(value.asLong()), "USD",
                        "ATTOM AVM: " + range + confidence, name(), now));
            }
        }
        return out;
    }

    private void add(List<EnrichmentValue> out, String field, JsonNode v, String unit, String from, Instant now) {
        if (v != null && !v.isMissingNode() && !v.isNull() && !v.asText().isBlank() && !(v.isNumber() && v.asDouble() == 0)) {
            out.add(new EnrichmentValue("property", field, v.asText(), unit, from, name(), now));
        }
    }

    /** The first property of the answer, {@code null} when ATTOM found none; throws when it could not answer. */
    private JsonNode get(String path) throws IOException, InterruptedException {
        Instant now = clock.instant();
        if (now.isBefore(openUntil)) {
            throw new IOException("ATTOM unavailable: circuit open until " + openUntil + " after " + inARow.get() + " failures in a row");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMillis(Math.max(100, config.timeoutMillis())))
                .header("apikey", key).header("Accept", "application/json").GET().build();
        String failure = null;
        for (int attempt = 0; attempt <= Math.max(0, config.retries()); attempt++) {
            if (attempt > 0) {
                Thread.sleep(200L << Math.min(attempt - 1, 6));
            }
            requests.incrementAndGet();
            HttpResponse<String> r;
            try {
                r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (HttpTimeoutException e) {
                failure = "timed out after " + config.timeoutMillis() + " ms";
                continue;
            } catch (IOException e) {
                failure = "could not connect (" + e.getClass().getSimpleName() + ")";
                continue;
            }
            int code = r.statusCode();
            if (code == 200) {
                inARow.set(0);
                JsonNode body = JSON.readTree(r.body());
                JsonNode property = body.path("property");
                return property.isArray() && property.size() > 0 ? property.get(0) : null;
            }
            if (code == 400 || code == 404) {
                inARow.set(0);
                String msg = JSON.readTree(r.body().isBlank() ? "{}" : r.body()).at("/status/msg").asText("");
                String m = msg.toLowerCase(Locale.ROOT).replace(" ", "");
                if (m.contains("withoutresult") || m.contains("noresult") || code == 404) {
                    return null; // ATTOM answers a lookup it cannot match with 400 "SuccessWithoutResult"
                }
                throw failed(code + " " + msg);
            }
            if (code == 401 || code == 403) {
                throw failed(code + " unauthorized: check the API key");
            }
            failure = code == 429 ? "429 too many requests" : code + " server error";
            if (code < 500 && code != 429) {
                break;
            }
        }
        throw failed(failure);
    }

    private IOException failed(String why) {
        failures.incrementAndGet();
        if (inARow.incrementAndGet() >= Math.max(1, config.failuresToOpen())) {
            openUntil = clock.instant().plusSeconds(Math.max(1, config.coolDownSeconds()));
        }
        return new IOException("ATTOM unavailable (" + why + ")");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String status() {
        boolean open = clock.instant().isBefore(openUntil);
        return "ATTOM at " + base + ": " + requests.get() + " requests, " + failures.get() + " failures, " + fromCache.get()
                + " answered from the cache since start" + (cache == null ? "" : ", " + cache.saved(name()) + " lookups saved in all") + "; circuit "
                + (open ? "open until " + openUntil : "closed") + "; API key configured (not shown)";
    }
}
