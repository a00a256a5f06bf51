package org.evergreencrm.address.internal;


import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.address.AddressSource;
import org.evergreencrm.api.address.AddressVerification;
import org.evergreencrm.api.address.ContactAddress;
import org.evergreencrm.api.address.StandardAddress;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.timeline.TimelineEvents;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Standardizes a contact's typed address and stores the result beside it (the typed address is never changed), then
 * tells the timeline through an event. A contact whose address did not change since the last time is left alone.
 */
final class ContactAddresses {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final Verifications verifier;
    private final ContactAddressStore store;
    private final Supplier<EventAdmin> events;

    ContactAddresses(Verifications verifier, ContactAddressStore store, Supplier<EventAdmin> events) {
        this.verifier = verifier;
        this.store = store;
        this.events = events;
    }

    /** After a contact was created or changed: standardizes its address when it is new or different. */
    void changed(Contact contact, String actor) {
        PostalAddress raw = contact.address();
        String text = rawText(raw);
        if (text == null) {
            return;
        }
        Optional<ContactAddressStore.Stored> before = store.get(contact.id());
        if (before.isPresent() && before.get().rawText().equals(text)) {
            return;
        }
        standardize(contact, actor, "address/" + contact.id() + "/" + contact.version());
    }

    /** Standardizes now; the answer says what was stored (or why nothing could be). */
    ContactAddress standardize(Contact contact, String actor, String eventKey) {
        PostalAddress raw = contact.address();
        String text = rawText(raw);
        if (text == null) {
            return new ContactAddress(contact.id(), raw, null, "the contact has no address");
        }
        Optional<ContactAddressStore.Stored> pinned = store.get(contact.id());
        if (pinned.isPresent() && pinned.get().address().source() == AddressSource.MANUAL && pinned.get().rawText().equals(text)) {
            // a person set it for this very typed address: kept until the typed address changes
            return new ContactAddress(contact.id(), raw, pinned.get().address(), pinned.get().note());
        }
        AddressVerification v = verifier.verify(raw);
        if (v.candidates().isEmpty()) {
            post(contact.id(), actor, eventKey, "ADDRESS_NOT_STANDARDIZED", "Address kept as typed — " + v.verdict(),
                    Map.of("verdict", v.verdict()));
            return new ContactAddress(contact.id(), raw, null, v.verdict());
        }
        StandardAddress a = v.candidates().get(0);
        String note = note(a) + (a.source() == org.evergreencrm.api.address.AddressSource.OFFLINE ? "" : "; " + v.verdict());
        Optional<ContactAddressStore.Stored> before = pinned; // as stored before this standardization
        store.put(contact.id(), text, a, v.unparsed(), note);
        announce(contact.id(), actor);
        if (before.isPresent() && sameResult(before.get(), text, a)) {
            return new ContactAddress(contact.id(), raw, a, note); // standardized again to the same result: nothing new for the timeline
        }
        String line = Stream.of(a.deliveryLine1(), a.lastLine()).filter(Objects::nonNull).collect(Collectors.joining(", "));
        Map<String, Object> details = new HashMap<>();
        details.put("standardized", line);
        details.put("precision", a.metadata().precision());
        details.put("changes", v.changes().size());
        details.put("verdict", v.verdict());
        post(contact.id(), actor, eventKey, a.verified() ? "ADDRESS_VERIFIED" : "ADDRESS_STANDARDIZED",
                (a.source() == org.evergreencrm.api.address.AddressSource.OFFLINE ? "Address standardized offline: " + line
                        + " (not verified; " + note + ")" : "Address " + v.verdict() + ": " + line), details);
        return new ContactAddress(contact.id(), raw, a, note);
    }

    /** A person's own standardized lines for the contact's typed address: read and geocoded offline, kept as MANUAL. */
    ContactAddress setByHand(Contact contact, String actor, List<String> lines) {
        String text = rawText(contact.address());
        if (text == null) {
            throw new ValidationException("address", "the contact has no address to set a standardized form for");
        }
        List<String> given = lines.stream().filter(Objects::nonNull).map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (given.isEmpty()) {
            throw new ValidationException("lines", "give the standardized address as lines, e.g. [\"123 N MAIN ST APT 4\", \"SPRINGFIELD IL 62704\"]");
        }
        AddressVerification v = verifier.offline(given);
        if (v.candidates().isEmpty()) {
            throw new ValidationException("lines", "not a readable US address: " + v.verdict());
        }
        if (!v.unparsed().isEmpty()) {
            throw new ValidationException("lines", "parts not understood: " + String.join(", ", v.unparsed()));
        }
        StandardAddress o = v.candidates().get(0);
        if (o.components().stateAbbreviation() == null || o.components().zipcode() == null || o.deliveryLine1() == null) {
            throw new ValidationException("lines", "a standardized address needs a delivery line, a state and a 5-digit ZIP: "
                    + String.join(" / ", given));
        }
        StandardAddress a = new StandardAddress(o.addressee(), o.deliveryLine1(), o.lastLine(), o.components(), o.metadata(),
                o.analysis(), AddressSource.MANUAL, java.time.Instant.now());
        String who = actor == null ? "system" : actor;
        String note = "set by hand by " + who + "; " + note(a);
        store.put(contact.id(), text, a, List.of(), note);
        announce(contact.id(), who);
        String line = Stream.of(a.deliveryLine1(), a.lastLine()).filter(Objects::nonNull).collect(Collectors.joining(", "));
        Map<String, Object> details = new HashMap<>();
        details.put("standardized", line);
        details.put("precision", a.metadata().precision());
        post(contact.id(), who, "address/" + contact.id() + "/hand/" + System.nanoTime(), "ADDRESS_SET_BY_HAND",
                "Address set by hand by " + who + ": " + line + " (not verified; kept until the typed address changes)", details);
        return new ContactAddress(contact.id(), contact.address(), a, note);
    }

    private static boolean sameResult(ContactAddressStore.Stored before, String text, StandardAddress a) {
        StandardAddress b = before.address();
        return before.rawText().equals(text) && Objects.equals(b.deliveryLine1(), a.deliveryLine1())
                && Objects.equals(b.lastLine(), a.lastLine()) && Objects.equals(b.metadata().precision(), a.metadata().precision())
                && b.source() == a.source() && b.verified() == a.verified();
    }

    Optional<ContactAddress> of(Contact contact) {
        return store.get(contact.id()).map(s -> new ContactAddress(contact.id(), contact.address(), s.address(),
                Objects.equals(s.rawText(), rawText(contact.address())) ? s.note()
                        : s.note() + "; the typed address changed since (standardized again shortly)"));
    }

    static String note(StandardAddress a) {
        String precision = a.metadata().precision() == null ? "Unknown" : a.metadata().precision();
        String where = switch (precision) {
            case "Zip5" -> "geocoded at the ZIP centroid";
            case "Zip6", "Zip7", "Zip8", "Zip9" -> "geocoded at the ZIP+4 centroid";
            case "Rooftop", "Parcel", "Street" -> "geocoded to the " + precision.toLowerCase(java.util.Locale.ROOT);
            case "State" -> "placed at state level only";
            default -> "not geocoded";
        };
        boolean offline = a.source() == org.evergreencrm.api.address.AddressSource.OFFLINE;
        String tz = a.metadata().timeZone() == null ? "time zone unknown" : "time zone " + a.metadata().timeZone()
                + (!offline ? " from " + a.source() : "Zip5".equals(precision) ? " from the county" : " from the state");
        return where + "; " + tz;
    }

    static String rawText(PostalAddress a) {
        if (a == null) {
            return null;
        }
        String s = Stream.of(a.line1(), a.line2(), a.city(), a.state(), a.postalCode(), a.country())
                .map(x -> x == null ? "" : x.strip()).collect(Collectors.joining("|"));
        return s.replace("|", "").isBlank() ? null : s;
    }

    /** Tells who follows standardized addresses (enrichment) that this contact's is stored. */
    private void announce(long contactId, String actor) {
        EventAdmin admin = events.get();
        if (admin != null) {
            admin.postEvent(new Event(org.evergreencrm.api.enrichment.EnrichmentEvents.ADDRESS_STANDARDIZED, Map.of(
                    org.evergreencrm.api.enrichment.EnrichmentEvents.CONTACT_ID, contactId,
                    org.evergreencrm.api.enrichment.EnrichmentEvents.ACTOR, actor == null ? "system" : actor)));
        }
    }

    private void post(long contactId, String actor, String key, String kind, String summary, Map<String, Object> details) {
        EventAdmin admin = events.get();
        if (admin == null) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        props.put(TimelineEvents.CONTACT_ID, contactId);
        props.put(TimelineEvents.KIND, kind);
        props.put(TimelineEvents.SUMMARY, summary.length() > 500 ? summary.substring(0, 500) : summary);
        props.put(TimelineEvents.ACTOR, actor == null ? "system" : actor);
        props.put(TimelineEvents.KEY, key);
        props.put(TimelineEvents.PAYLOAD, json(details));
        admin.postEvent(new Event(TimelineEvents.ACTIVITY, props));
    }

    private static String json(Map<String, Object> m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "{}";
        }
    }
}
