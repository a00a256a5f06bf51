package org.evergreencrm.address.internal;

import java.time.Clock;

import org.evergreencrm.api.address.AddressVerification;
import org.evergreencrm.api.address.StandardAddress;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.lead.GeoPoint;
import org.evergreencrm.api.lead.LeadEnricher;
import org.evergreencrm.api.lead.LeadProfile;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The intake's ADDRESS step: standardizes the lead's address offline and places it at its ZIP centroid (precision
 * ZIP5) for routing. The typed address stays as typed — only a missing city or state is filled in from a ZIP the
 * directory knows, and
 * said so in the lead's notes; the standardized form is stored beside it when the contact is written.
 */
@Component(service = LeadEnricher.class, property = "service.ranking:Integer=100")
public final class AddressLeadEnricher implements LeadEnricher {
    private final OfflineVerifier verifier;

    @Activate
    public AddressLeadEnricher(@Reference ZipData zips) {
        this.verifier = new OfflineVerifier(zips, Clock.systemUTC());
    }

    @Override
    public String name() {
        return "address";
    }

    @Override
    public Stage stage() {
        return Stage.ADDRESS;
    }

    @Override
    public LeadProfile enrich(LeadProfile lead) {
        ContactDraft c = lead.contact();
        PostalAddress a = c == null ? null : c.address();
        if (a == null) {
            return lead;
        }
        AddressVerification v = verifier.verify(a);
        if (v.candidates().isEmpty()) {
            return lead.withNote("address not standardized: " + v.verdict());
        }
        StandardAddress s = v.candidates().get(0);
        LeadProfile out = lead;
        // only what the ZIP directory knows for this very ZIP is filled in (not a guess from the ZIP's prefix)
        boolean known = "Zip5".equals(s.metadata().precision());
        String city = blank(a.city()) && known ? s.components().cityName() : a.city();
        String state = blank(a.state()) && known ? s.components().stateAbbreviation() : a.state();
        if (!java.util.Objects.equals(city, a.city()) || !java.util.Objects.equals(state, a.state())) {
            PostalAddress filled = new PostalAddress(a.line1(), a.line2(), city, state, a.postalCode(), a.country());
            out = out.withContact(new ContactDraft(c.kind(), c.firstName(), c.lastName(), c.householdName(), c.phones(),
                    c.emails(), filled, c.source(), c.ownerId(), c.status(), c.tags(), c.customFields()))
                    .withNote("city/state filled in from ZIP " + s.components().zipcode() + ": " + city + " " + state);
        }
        if (out.location() == null && s.metadata().latitude() != null) {
            out = out.withLocation(new GeoPoint(s.metadata().latitude(), s.metadata().longitude(), "ZIP5", "address-offline"));
        }
        return out.withNote("address standardized offline (not verified): "
                + String.join(", ", java.util.stream.Stream.of(s.deliveryLine1(), s.lastLine()).filter(x -> x != null).toList())
                + "; " + ContactAddresses.note(s));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
