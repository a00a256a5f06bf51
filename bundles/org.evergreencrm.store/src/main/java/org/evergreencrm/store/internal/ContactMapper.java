package org.evergreencrm.store.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.ContactKind;
import org.evergreencrm.api.contact.ContactStatus;
import org.evergreencrm.api.contact.Email;
import org.evergreencrm.api.contact.Phone;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.dedup.MatchData;
import org.evergreencrm.api.dedup.Normalized;
import org.evergreencrm.store.internal.entity.ContactEntity;
import org.evergreencrm.store.internal.entity.EmailValue;
import org.evergreencrm.store.internal.entity.PhoneValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Copies between the API records and the JPA entity; custom fields travel as a JSON text column. */
final class ContactMapper {
    static final int MAX_CUSTOM_JSON = 32_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private ContactMapper() {
    }

    static void apply(ContactDraft d, MatchData data, ContactEntity e) {
        Normalized n = data.normalized();
        e.setKind(d.kind().name());
        e.setFirstName(d.firstName());
        e.setLastName(d.lastName());
        e.setHouseholdName(d.householdName());
        e.getPhones().clear();
        if (d.phones() != null) {
            for (int i = 0; i < d.phones().size(); i++) {
                Phone p = d.phones().get(i);
                e.getPhones().add(new PhoneValue(p.number(), p.type().name(), i < n.phones().size() ? n.phones().get(i) : null));
            }
        }
        e.getEmails().clear();
        if (d.emails() != null) {
            for (int i = 0; i < d.emails().size(); i++) {
                Email m = d.emails().get(i);
                e.getEmails().add(new EmailValue(m.address(), m.type().name(), i < n.emails().size() ? n.emails().get(i) : null));
            }
        }
        e.getTags().clear();
        if (d.tags() != null) {
            e.getTags().addAll(d.tags());
        }
        PostalAddress a = d.address();
        if (a == null) {
            e.setAddress(null, null, null, null, null, null);
        } else {
            e.setAddress(a.line1(), a.line2(), a.city(), a.state(), a.postalCode(), a.country());
        }
        e.setSource(d.source());
        e.setOwnerId(d.ownerId());
        e.setStatus(d.status().name());
        e.setCustomFields(toJson(d.customFields()));
        e.setSearchText(SearchText.of(d));
        e.setNormalized(n.givenName(), n.familyName(), n.deliveryLine(), n.postcode());
        e.getMatchKeys().clear();
        e.getMatchKeys().addAll(data.keys());
    }

    static Contact toRecord(ContactEntity e) {
        List<Phone> phones = new ArrayList<>();
        e.getPhones().forEach(p -> phones.add(new Phone(p.getNumber(), Phone.PhoneType.valueOf(p.getType()))));
        List<Email> emails = new ArrayList<>();
        e.getEmails().forEach(m -> emails.add(new Email(m.getAddress(), Email.EmailType.valueOf(m.getType()))));
        PostalAddress address = e.getLine1() == null && e.getCity() == null && e.getPostalCode() == null
                && e.getLine2() == null && e.getState() == null && e.getCountry() == null
                        ? null
                        : new PostalAddress(e.getLine1(), e.getLine2(), e.getCity(), e.getState(), e.getPostalCode(),
                                e.getCountry());
        return new Contact(e.getId(), ContactKind.valueOf(e.getKind()), e.getFirstName(), e.getLastName(),
                e.getHouseholdName(), List.copyOf(phones), List.copyOf(emails), address, e.getSource(),
                e.getOwnerId(), ContactStatus.valueOf(e.getStatus()), new LinkedHashSet<>(new java.util.TreeSet<>(e.getTags())),
                java.util.Collections.unmodifiableMap(fromJson(e.getCustomFields())), e.getCreatedAt().toInstant(), e.getUpdatedAt().toInstant(),
                e.getVersion(), normalized(e));
    }

    private static Normalized normalized(ContactEntity e) {
        List<String> phones = new ArrayList<>();
        e.getPhones().forEach(p -> phones.add(p.getE164()));
        List<String> emails = new ArrayList<>();
        e.getEmails().forEach(m -> emails.add(m.getCanonical()));
        boolean none = e.getNormGiven() == null && e.getNormFamily() == null && e.getNormDeliveryLine() == null
                && e.getNormPostcode() == null && phones.stream().allMatch(java.util.Objects::isNull)
                && emails.stream().allMatch(java.util.Objects::isNull);
        return none ? Normalized.NONE : new Normalized(phones, emails, e.getNormGiven(), e.getNormFamily(),
                e.getNormDeliveryLine(), e.getNormPostcode());
    }

    static Date date(java.time.Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static String toJson(Map<String, Object> fields) {
        if (fields == null || fields.isEmpty()) {
            return null;
        }
        try {
            String json = JSON.writeValueAsString(fields);
            if (json.length() > MAX_CUSTOM_JSON) {
                throw new ValidationException("customFields",
                        "custom fields take " + json.length() + " characters as JSON; at most " + MAX_CUSTOM_JSON);
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("custom fields cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Object> fromJson(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored custom fields are not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
