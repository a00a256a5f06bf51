package org.evergreencrm.leads.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.lead.IncomingLead;
import org.evergreencrm.api.lead.LeadFeed;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A provider's lead API that Evergreen polls: one ConfigAdmin factory configuration per provider
 * ({@code etc/org.evergreencrm.leads.poll-NAME.cfg}), no code. The HTTP call is a Camel {@code http}/{@code https}
 * endpoint in a route this component contributes, so the integration bundle's scheme allow-list decides whether it
 * may run at all (a refused route shows as a failing feed with the reason). Each poll asks for the leads after the
 * stored cursor ({@code cursorParam}), reads the array at {@code itemsPointer} of the JSON answer, maps the fields,
 * and keeps the cursor found at {@code cursorPointer} — see {@link FeedPoller} for what happens then.
 */
@Component(service = {}, configurationPid = "org.evergreencrm.leads.poll", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PolledProvider.Config.class, factory = true)
public final class PolledProvider implements LeadFeed {
    @ObjectClassDefinition(id = "org.evergreencrm.leads.poll", name = "Evergreen polled lead provider",
            description = "A provider API Evergreen polls for new leads; the leads' source is feed:NAME")
    public @interface Config {
        @AttributeDefinition(description = "Name; the leads' source is feed:NAME")
        String name();

        @AttributeDefinition(description = "The provider's URL (https, or another scheme on the integration allow-list)")
        String url();

        @AttributeDefinition(description = "Seconds between polls")
        int intervalSeconds() default 60;

        @AttributeDefinition(description = "Header carrying the credentials (empty: none)")
        String authHeader() default "Authorization";

        @AttributeDefinition(description = "Its value, e.g. Bearer <token>", type = AttributeType.PASSWORD)
        String authValue() default "";

        @AttributeDefinition(description = "JSON pointer to the array of leads in the answer (empty: the answer is the array)")
        String itemsPointer() default "/leads";

        @AttributeDefinition(description = "Field of a lead holding the provider's id for it")
        String idField() default "id";

        @AttributeDefinition(description = "Field mapping, ourField=theirField, comma-separated (firstName=fname,phone=tel)")
        String fieldMap() default "";

        @AttributeDefinition(description = "Query parameter that asks for the leads after a cursor (empty: none)")
        String cursorParam() default "since";

        @AttributeDefinition(description = "JSON pointer to the next cursor in the answer (empty: none)")
        String cursorPointer() default "/next";
    }

    static final String CURSOR = "CamelEvergreenFeedCursor";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String name;
    private final Config config;
    private final FieldMap fields;
    private final ProducerTemplate producer;
    private final CamelContext camel;
    private final ServiceRegistration<RoutesBuilder> route;
    private final ServiceRegistration<LeadFeed> feed;

    @Activate
    public PolledProvider(BundleContext context, @Reference CamelContext camel, Config config) {
        if (config.name() == null || !config.name().matches("[A-Za-z0-9_.-]{1,60}")) {
            throw new ValidationException("name", "letters, digits, . _ - (at most 60)");
        }
        URI url;
        try {
            url = URI.create(config.url().trim());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValidationException("url", "not a URL: " + config.url());
        }
        if (url.getScheme() == null || url.getHost() == null) {
            throw new ValidationException("url", "needs a scheme and a host: " + config.url());
        }
        if (config.intervalSeconds() < 1) {
            throw new ValidationException("intervalSeconds", "at least 1");
        }
        this.name = config.name();
        this.config = config;
        this.fields = FieldMap.parse(config.fieldMap());
        this.camel = camel;
        this.producer = camel.createProducerTemplate();
        String endpoint = url.getScheme() + "://" + url.getRawAuthority() + (url.getRawPath() == null ? "" : url.getRawPath())
                + "?throwExceptionOnFailure=false";
        String baseQuery = url.getRawQuery();
        String direct = "direct:lead-provider-" + name;
        this.route = context.registerService(RoutesBuilder.class, new RouteBuilder() {
            @Override
            public void configure() {
                from(direct).routeId("lead-provider-" + name).process(e -> {
                    String cursor = e.getMessage().getHeader(CURSOR, String.class);
                    e.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
                    e.getMessage().setHeader(Exchange.HTTP_QUERY, query(baseQuery, config.cursorParam(), cursor));
                    if (!config.authHeader().isBlank() && !config.authValue().isBlank()) {
                        e.getMessage().setHeader(config.authHeader(), config.authValue());
                    }
                    e.getMessage().setHeader("Accept", "application/json");
                    e.getMessage().setBody(null);
                }).to(endpoint);
            }
        }, null);
        this.feed = context.registerService(LeadFeed.class, this, null);
    }

    static String query(String base, String param, String cursor) {
        StringBuilder q = new StringBuilder(base == null ? "" : base);
        if (cursor != null && param != null && !param.isBlank()) {
            q.append(q.length() > 0 ? "&" : "").append(URLEncoder.encode(param, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        return q.length() == 0 ? null : q.toString();
    }

    @Deactivate
    void stop() throws Exception {
        for (ServiceRegistration<?> r : List.of(feed, route)) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // gone with the bundle
            }
        }
        producer.close();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration interval() {
        return Duration.ofSeconds(config.intervalSeconds());
    }

    @Override
    public Batch poll(String cursor) throws Exception {
        if (camel.getRoute("lead-provider-" + name) == null) {
            throw new IllegalStateException("the route to " + config.url() + " is not running: is its scheme on the integration "
                    + "allow-list (allowedSchemes in etc/org.evergreencrm.integration.cfg)?");
        }
        Exchange answer = producer.request("direct:lead-provider-" + name, e -> e.getMessage().setHeader(CURSOR, cursor));
        if (answer.getException() != null) {
            throw answer.getException();
        }
        int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = answer.getMessage().getBody(String.class);
        if (status < 200 || status > 299) {
            throw new IllegalStateException("provider " + name + " answered HTTP " + status + ": "
                    + (body == null ? "" : body.substring(0, Math.min(200, body.length()))));
        }
        return parse(body, Instant.now());
    }

    /** The leads and the next cursor in a provider's JSON answer. */
    Batch parse(String body, Instant now) throws java.io.IOException {
        return parse(name, config.itemsPointer(), config.idField(), config.cursorPointer(), fields, body, now);
    }

    /**
     * @param itemsPointer JSON pointer to the array of leads (empty: the answer is the array)
     * @param cursorPointer JSON pointer to the next cursor (empty or absent: none)
     */
    static Batch parse(String name, String itemsPointer, String idField, String cursorPointer, FieldMap fields, String body,
            Instant now) throws java.io.IOException {
        JsonNode root = JSON.readTree(body == null ? "" : body);
        if (root == null || root.isMissingNode()) {
            throw new IllegalStateException("provider " + name + " answered no JSON");
        }
        JsonNode items = itemsPointer.isBlank() ? root : root.at(itemsPointer);
        if (!items.isArray()) {
            throw new IllegalStateException("provider " + name + ": no array of leads at " + itemsPointer);
        }
        List<IncomingLead> leads = new ArrayList<>();
        for (JsonNode item : items) {
            Map<String, String> delivered = new LinkedHashMap<>();
            item.fields().forEachRemaining(f -> delivered.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
            leads.add(new IncomingLead("feed:" + name, delivered.get(idField), fields.map(delivered), item.toString(), now));
        }
        JsonNode next = cursorPointer.isBlank() || !(root.isObject()) ? null : root.at(cursorPointer);
        return new Batch(leads, next == null || next.isMissingNode() || next.isNull() ? null : next.asText());
    }
}
