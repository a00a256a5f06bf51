package org.evergreencrm.enrichment.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.evergreencrm.api.address.AddressService;
import org.evergreencrm.api.address.ContactAddress;
import org.evergreencrm.api.address.StandardAddress;
import org.evergreencrm.api.address.ZipDirectory;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.enrichment.EnrichmentSubject;
import org.evergreencrm.api.lead.GeoPoint;
import org.evergreencrm.api.security.Actor;

/**
 * What a provider is given for a contact or a lead: the standardized address when there is one, its point (the
 * address's, else the ZIP centroid from the directory), the ZIP and the state.
 */
final class Subjects {
    private final Supplier<AddressService> addresses;
    private final Supplier<ZipDirectory> zips;

    Subjects(Supplier<AddressService> addresses, Supplier<ZipDirectory> zips) {
        this.addresses = addresses;
        this.zips = zips;
    }

    EnrichmentSubject of(Contact c, Instant now) {
        AddressService a = addresses.get();
        StandardAddress s = a == null ? null
                : a.ofContact(Actor.system(), c.id()).map(ContactAddress::standard).orElse(null);
        return of(c.id(), s, null, c.address(), now);
    }

    EnrichmentSubject of(Long contactId, StandardAddress s, GeoPoint point, PostalAddress typed, Instant now) {
        String zip = s != null && s.components() != null ? s.components().zipcode() : zip5(typed == null ? null : typed.postalCode());
        String state = s != null && s.components() != null ? s.components().stateAbbreviation() : null;
        ZipDirectory z = zips.get();
        if (state == null && zip != null && z != null) {
            state = z.stateOf(zip);
        }
        if (state == null && typed != null && typed.state() != null && typed.state().strip().length() == 2) {
            state = typed.state().strip().toUpperCase(Locale.ROOT);
        }
        if (point == null && s != null && s.metadata() != null && s.metadata().latitude() != null && s.metadata().longitude() != null) {
            point = new GeoPoint(s.metadata().latitude(), s.metadata().longitude(), s.metadata().precision(), String.valueOf(s.source()));
        }
        if (point == null && zip != null && z != null) {
            point = z.zip(zip).map(p -> new GeoPoint(p.latitude(), p.longitude(), "Zip5", "zip-directory")).orElse(null);
        }
        return new EnrichmentSubject(contactId, s, point, zip, state, now);
    }

    static String zip5(String postal) {
        return Optional.ofNullable(postal).map(String::strip).filter(p -> p.length() >= 5)
                .map(p -> p.substring(0, 5)).filter(p -> p.chars().allMatch(Character::isDigit)).orElse(null);
    }
}
