package org.evergreencrm.enrichment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.enrichment.ContactEnrichment;
import org.evergreencrm.api.enrichment.EnrichmentEvents;
import org.evergreencrm.api.enrichment.EnrichmentSubject;
import org.evergreencrm.api.enrichment.EnrichmentValue;
import org.evergreencrm.api.enrichment.ProviderRun;
import org.evergreencrm.api.timeline.TimelineEvents;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Enriches one contact: runs the providers on its place, stores the values with source and time, and — when the
 * values changed — writes a timeline entry (through the timeline's event) saying what was found, and posts
 * {@link EnrichmentEvents#ENRICHED}.
 */
final class ContactEnricher {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final Enricher enricher;
    private final EnrichmentStore store;
    private final Subjects subjects;
    private final Supplier<EventAdmin> events;
    private final Clock clock;

    ContactEnricher(Enricher enricher, EnrichmentStore store, Subjects subjects, Supplier<EventAdmin> events, Clock clock) {
        this.enricher = enricher;
        this.store = store;
        this.subjects = subjects;
        this.events = events;
        this.clock = clock;
    }

    ContactEnrichment stored(long contactId) {
        List<ProviderRun> runs = store.runs(contactId);
        Instant at = runs.stream().map(ProviderRun::at).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
        return new ContactEnrichment(contactId, store.values(contactId), runs, at);
    }

    List<EnrichmentValue> preview(EnrichmentSubject subject) {
        return enricher.run(subject).values();
    }

    Subjects subjects() {
        return subjects;
    }

    ContactEnrichment enrich(Contact contact, String actor) {
        Instant now = clock.instant();
        EnrichmentSubject subject = subjects.of(contact, now);
        Map<String, String> before = fingerprint(store.values(contact.id()));
        Enricher.Outcome outcome = enricher.run(subject);
        store.replace(contact.id(), outcome.runs(), outcome.values());
        ContactEnrichment after = stored(contact.id());
        Map<String, String> now2 = fingerprint(after.values());
        if (!now2.equals(before)) {
            post(contact.id(), actor, after, outcome.runs(), now);
        }
        EventAdmin admin = events.get();
        if (admin != null) {
            admin.postEvent(new Event(EnrichmentEvents.ENRICHED, Map.of(EnrichmentEvents.CONTACT_ID, contact.id(),
                    EnrichmentEvents.ACTOR, actor == null ? "system" : actor)));
        }
        return after;
    }

    /** What a rep would call the result, in one line: the nearest branch, the density, the market, failures. */
    static String summary(List<EnrichmentValue> values, List<ProviderRun> runs) {
        Map<String, String> v = new HashMap<>();
        values.forEach(x -> v.put(x.group() + "/" + x.field(), x.value()));
        StringBuilder s = new StringBuilder("Enriched");
        String sep = ": ";
        if (v.containsKey("branch/nearestBranch")) {
            s.append(sep).append("nearest branch ").append(v.get("branch/nearestBranch")).append(" (").append(v.get("branch/distanceMiles"))
                    .append(" mi)");
            sep = "; ";
        }
        if (v.containsKey("neighborhood/density")) {
            s.append(sep).append(v.get("neighborhood/density")).append(Optional.ofNullable(v.get("neighborhood/county"))
                    .map(c -> ", " + c + " county").orElse(""));
            sep = "; ";
        }
        if (v.containsKey("market/appointmentRate")) {
            s.append(sep).append("appointment rate ").append(v.get("market/appointmentRate")).append("% in ").append(v.get("market/region"));
            sep = "; ";
        }
        if (v.containsKey("property/yearBuilt") || v.containsKey("property/estimatedValue")) {
            s.append(sep).append("home").append(Optional.ofNullable(v.get("property/yearBuilt")).map(y -> " built " + y).orElse(""))
                    .append(Optional.ofNullable(v.get("property/estimatedValue")).map(e -> ", worth about $" + e).orElse(""));
            sep = "; ";
        }
        String failed = runs.stream().filter(r -> "FAILED".equals(r.outcome())).map(r -> r.provider() + " failed: " + r.message())
                .collect(Collectors.joining("; "));
        if (!failed.isEmpty()) {
            s.append(sep).append(failed);
        } else if (": ".equals(sep)) {
            s.append(": nothing known for this place");
        }
        return s.toString();
    }

    private void post(long contactId, String actor, ContactEnrichment after, List<ProviderRun> runs, Instant now) {
        EventAdmin admin = events.get();
        if (admin == null) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        after.values().forEach(x -> details.put(x.group() + "." + x.field(), x.value() + (x.unit() == null ? "" : " " + x.unit())));
        details.put("providers", runs.stream().map(r -> r.provider() + " " + r.outcome()).toList());
        String summary = summary(after.values(), runs);
        Map<String, Object> props = new HashMap<>();
        props.put(TimelineEvents.CONTACT_ID, contactId);
        props.put(TimelineEvents.KIND, "ENRICHED");
        props.put(TimelineEvents.SUMMARY, summary.length() > 500 ? summary.substring(0, 500) : summary);
        props.put(TimelineEvents.ACTOR, actor == null ? "system" : actor);
        props.put(TimelineEvents.KEY, "enrichment/" + contactId + "/" + now.toEpochMilli() + "/" + fingerprint(after.values()).hashCode());
        props.put(TimelineEvents.TIMESTAMP, now.toEpochMilli());
        try {
            props.put(TimelineEvents.PAYLOAD, JSON.writeValueAsString(details));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            props.put(TimelineEvents.PAYLOAD, "{}");
        }
        admin.postEvent(new Event(TimelineEvents.ACTIVITY, props));
    }

    private static Map<String, String> fingerprint(List<EnrichmentValue> values) {
        Map<String, String> m = new HashMap<>();
        values.forEach(v -> m.put(v.source() + "/" + v.field(), v.value()));
        return m;
    }
}
