package ${package}.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.evergreencrm.api.lead.IncomingLead;
import org.evergreencrm.api.lead.LeadFeed;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ${feedName} lead feed: Evergreen polls it every {@code intervalSeconds} with the cursor it returned last time
 * and takes in the leads it returns (source {@code feed:${feedName}}). Runs once configured in
 * {@code etc/${package}.feed.cfg}.
 */
@Component(service = LeadFeed.class, configurationPid = "${package}.feed", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ProviderFeed.Config.class)
public final class ProviderFeed implements LeadFeed {
    @ObjectClassDefinition(name = "${feedName} lead feed")
    public @interface Config {
        @AttributeDefinition(description = "The provider's lead API")
        String url();

        @AttributeDefinition(description = "Bearer token for the API", type = AttributeType.PASSWORD)
        String token() default "";

        @AttributeDefinition(description = "Seconds between polls")
        int intervalSeconds() default 60;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI url;
    private final String token;
    private final Duration interval;

    @Activate
    public ProviderFeed(Config config) {
        this(URI.create(config.url()), config.token(), Duration.ofSeconds(Math.max(1, config.intervalSeconds())));
    }

    ProviderFeed(URI url, String token, Duration interval) {
        this.url = url;
        this.token = token;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "${feedName}";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    /** The leads after {@code cursor}. Throwing keeps Evergreen's cursor where it was: the next poll asks again. */
    @Override
    public Batch poll(String cursor) throws IOException, InterruptedException {
        URI page = cursor == null ? url : URI.create(url + (url.getQuery() == null ? "?" : "&") + "since="
                + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("${feedName} answered HTTP " + response.statusCode());
        }
        return parse(response.body(), Instant.now());
    }

    /** The provider's answer to leads: {@code {"leads": [{"id": ..., ...}], "next": "cursor"}}. */
    static Batch parse(String body, Instant receivedAt) throws IOException {
        JsonNode root = JSON.readTree(body);
        List<IncomingLead> leads = new ArrayList<>();
        for (JsonNode item : root.path("leads")) {
            Map<String, String> fields = new LinkedHashMap<>();
            item.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
            // the source is set by Evergreen (feed:${feedName}); the provider's id makes redelivery harmless
            leads.add(new IncomingLead("feed:${feedName}", item.path("id").asText(null), fields, item.toString(), receivedAt));
        }
        JsonNode next = root.path("next");
        return new Batch(leads, next.isMissingNode() || next.isNull() ? null : next.asText());
    }
}
