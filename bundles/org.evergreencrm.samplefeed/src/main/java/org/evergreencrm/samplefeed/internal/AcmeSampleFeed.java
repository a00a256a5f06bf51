package org.evergreencrm.samplefeed.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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
import org.osgi.service.component.annotations.Reference;

/**
 * A sample lead-source plugin: "Acme Solar Leads", a fictional provider whose feed hands out two leads per poll
 * from a bundled list, then nothing new. Shows the {@link LeadFeed} SPI end to end: install the feature
 * {@code evergreen-sample-leadfeed} and its leads appear with source {@code feed:acme-sample}; uninstall it and
 * the polling stops. It also brings a table of its own ({@link DeliveryLog}). A real plugin would call the provider's API here (see docs/writing-lead-sources.md).
 */
@Component(service = LeadFeed.class)
public final class AcmeSampleFeed implements LeadFeed {
    private static final int PAGE = 2;
    private final List<Map<String, String>> rows = load();
    private final DeliveryLog deliveries;

    @Activate
    public AcmeSampleFeed(@Reference DeliveryLog deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public String name() {
        return "acme-sample";
    }

    @Override
    public Duration interval() {
        return Duration.ofSeconds(1);
    }

    @Override
    public Batch poll(String cursor) {
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        List<IncomingLead> leads = new ArrayList<>();
        for (int i = from; i < Math.min(rows.size(), from + PAGE); i++) {
            Map<String, String> r = rows.get(i);
            Map<String, String> fields = Map.of("firstName", r.get("first"), "lastName", r.get("last"), "phone", r.get("tel"),
                    "postalCode", r.get("zip"));
            leads.add(new IncomingLead(name(), r.get("acme_id"), fields, r.toString(), Instant.now()));
        }
        String next = Integer.toString(Math.min(rows.size(), from + PAGE));
        deliveries.record(leads, next, Instant.now());
        return new Batch(leads, next);
    }

    private static List<Map<String, String>> load() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                AcmeSampleFeed.class.getResourceAsStream("acme-leads.csv"), StandardCharsets.UTF_8))) {
            String[] header = in.readLine().split(",");
            List<Map<String, String>> out = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] v = line.split(",");
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], i < v.length ? v[i] : "");
                }
                out.add(row);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
