package org.evergreencrm.address.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.evergreencrm.api.address.AddressAnalysis;
import org.evergreencrm.api.address.AddressChange;
import org.evergreencrm.api.address.AddressComponents;
import org.evergreencrm.api.address.AddressMetadata;
import org.evergreencrm.api.address.AddressSource;
import org.evergreencrm.api.address.AddressVerification;
import org.evergreencrm.api.address.ParsedAddress;
import org.evergreencrm.api.address.StandardAddress;
import org.evergreencrm.api.address.ZipPlace;
import org.evergreencrm.api.contact.PostalAddress;

/**
 * The offline path: the Publication 28 parser, then the ZIP directory for the city, state, county, centroid and time
 * zone. It never claims deliverability: the verdict is "not verified" and the DPV fields stay empty.
 */
final class OfflineVerifier {
    static final String VERDICT = "not verified: standardized offline";
    private final UsAddressParser parser;
    private final ZipData zips;
    private final Clock clock;

    OfflineVerifier(ZipData zips, Clock clock) {
        this.zips = zips;
        this.parser = new UsAddressParser(zips.placeNames());
        this.clock = clock;
    }

    AddressVerification verify(List<String> lines) {
        String[] typed = lines.stream().filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
        if (typed.length == 0) {
            return new AddressVerification(List.of(), List.of(), List.of(), "nothing to verify: no address given");
        }
        String country = ForeignAddress.country(typed);
        if (country != null) {
            return foreign(country, List.of(typed));
        }
        ParsedAddress parsed = parser.parse(typed);
        List<AddressChange> changes = new ArrayList<>();
        String joined = String.join(", ", typed);
        Result r = geocode(parsed, changes);
        // free-form input has no fields to compare: the whole address as typed against its standard form
        change(changes, "address", joined, join(join(r.address().addressee(), r.address().deliveryLine1()),
                r.address().lastLine()));
        return answer(r, changes, parsed.unparsed());
    }

    AddressVerification verify(PostalAddress a) {
        if (a == null) {
            return new AddressVerification(List.of(), List.of(), List.of(), "nothing to verify: no address given");
        }
        if (!ForeignAddress.isUs(a.country())) {
            return foreign(a.country().trim().toUpperCase(Locale.ROOT), lines(a));
        }
        String last = join(a.city(), join(a.state(), a.postalCode(), " "), ", ");
        List<String> lines = new ArrayList<>();
        for (String s : new String[] {a.line1(), a.line2(), last}) {
            if (s != null && !s.isBlank()) {
                lines.add(s.strip());
            }
        }
        if (lines.isEmpty()) {
            return new AddressVerification(List.of(), List.of(), List.of(), "nothing to verify: no address given");
        }
        ParsedAddress parsed = parser.parse(lines.toArray(String[]::new));
        List<AddressChange> changes = new ArrayList<>();
        Result r = geocode(parsed, changes);
        change(changes, "line1", join(a.line1(), a.line2(), " "), r.address().deliveryLine1());
        AddressComponents c = r.address().components();
        change(changes, "city", a.city(), c.cityName());
        change(changes, "state", a.state(), c.stateAbbreviation());
        change(changes, "postalCode", a.postalCode(), c.plus4Code() == null ? c.zipcode() : c.zipcode() + "-" + c.plus4Code());
        return answer(r, changes, parsed.unparsed());
    }

    private record Result(StandardAddress address, List<String> notes) {
    }

    private Result geocode(ParsedAddress parsed, List<AddressChange> changes) {
        AddressComponents c = parsed.components();
        List<String> notes = new ArrayList<>();
        Optional<ZipPlace> place = zips.zip(c.zipcode());
        String city = c.cityName();
        String state = c.stateAbbreviation();
        if (place.isPresent()) {
            ZipPlace p = place.get();
            if (city == null) {
                changes.add(new AddressChange("cityName", null, p.city()));
                city = p.city();
            } else if (!city.equals(p.city())) {
                notes.add("city " + city + " is not the ZIP's main place name (" + p.city() + ")");
            }
            if (state == null) {
                changes.add(new AddressChange("stateAbbreviation", null, p.state()));
                state = p.state();
            } else if (!state.equals(p.state())) {
                notes.add("ZIP " + p.zip() + " is in " + p.state() + ", not " + state);
            }
        } else if (c.zipcode() != null) {
            String z3 = zips.stateOf(c.zipcode());
            notes.add(zips.status().stateLevelOnly() ? "no ZIP data imported: placed at state level"
                    : "ZIP " + c.zipcode() + " is not in the ZIP directory");
            if (state == null && z3 != null) {
                changes.add(new AddressChange("stateAbbreviation", null, z3));
                state = z3;
            }
        } else if (city != null && state != null) {
            String typedCity = city;
            List<ZipPlace> inCity = zips.suggest(city, state, 50).stream().filter(p -> p.city().equals(typedCity)).toList();
            if (inCity.size() == 1) {
                changes.add(new AddressChange("zipcode", null, inCity.get(0).zip()));
                place = Optional.of(inCity.get(0));
            } else if (inCity.size() > 1) {
                notes.add("no ZIP given; " + city + " " + state + " has " + inCity.size() + " ZIPs");
            }
        }
        AddressComponents std = new AddressComponents(c.primaryNumber(), c.streetPredirection(), c.streetName(),
                c.streetSuffix(), c.streetPostdirection(), c.secondaryDesignator(), c.secondaryNumber(), city, state,
                place.map(ZipPlace::zip).orElse(c.zipcode()), c.plus4Code());
        AddressMetadata meta = metadata(std, place.filter(p -> std.stateAbbreviation() == null
                || std.stateAbbreviation().equals(p.state())), notes);
        String footnotes = String.join("; ", notes);
        StandardAddress address = new StandardAddress(parsed.addressee(), parsed.deliveryLine(),
                org.evergreencrm.api.address.AddressLines.lastLine(std), std, meta,
                AddressAnalysis.notVerified(footnotes.isEmpty() ? null : footnotes), AddressSource.OFFLINE, clock.instant());
        return new Result(address, notes);
    }

    private AddressMetadata metadata(AddressComponents c, Optional<ZipPlace> place, List<String> notes) {
        String type = recordType(c);
        if (place.isPresent()) {
            ZipPlace p = place.get();
            ZoneId zone = p.timeZone() == null ? null : ZoneId.of(p.timeZone());
            return new AddressMetadata(type, p.countyName(), p.countyFips(), null, p.latitude(), p.longitude(), "Zip5",
                    p.timeZone(), offset(zone), dst(zone));
        }
        ZoneId zone = zips.timeZone(c.stateAbbreviation(), c.zipcode()).orElse(null);
        if (zone != null) {
            notes.add("time zone from the state" + (c.stateAbbreviation() == null ? " of the ZIP's prefix" : ""));
        }
        return new AddressMetadata(type, null, null, null, null, null, zone == null ? "Unknown" : "State",
                zone == null ? null : zone.getId(), offset(zone), dst(zone));
    }

    private static String recordType(AddressComponents c) {
        if (c.streetName() == null && c.primaryNumber() == null) {
            return null;
        }
        if ("PO BOX".equals(c.streetName())) {
            return "P";
        }
        if (c.streetName() != null && (c.streetName().startsWith("RR ") || c.streetName().startsWith("HC "))) {
            return "R";
        }
        return c.secondaryDesignator() != null ? "H" : "S";
    }

    private Double offset(ZoneId zone) {
        if (zone == null) {
            return null;
        }
        ZoneRules rules = zone.getRules();
        return rules.getStandardOffset(Instant.now(clock)).getTotalSeconds() / 3600.0;
    }

    private static Boolean dst(ZoneId zone) {
        return zone == null ? null : !zone.getRules().getTransitionRules().isEmpty();
    }

    private static AddressVerification answer(Result r, List<AddressChange> changes, List<String> unparsed) {
        boolean nothing = r.address().deliveryLine1() == null && r.address().lastLine() == null;
        if (nothing) {
            return new AddressVerification(List.of(), List.of(), unparsed, "not an address: nothing could be read");
        }
        return new AddressVerification(List.of(r.address()), changes, unparsed, VERDICT);
    }

    private static AddressVerification foreign(String country, List<String> lines) {
        return new AddressVerification(List.of(), List.of(), lines, "not verified: a " + country
                + " address (only US addresses are standardized); kept as typed");
    }

    private static List<String> lines(PostalAddress a) {
        List<String> out = new ArrayList<>();
        for (String s : new String[] {a.line1(), a.line2(), a.city(), a.state(), a.postalCode(), a.country()}) {
            if (s != null && !s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static void change(List<AddressChange> changes, String field, String from, String to) {
        String f = from == null || from.isBlank() ? null : from.strip();
        if (!Objects.equals(f, to)) {
            changes.add(new AddressChange(field, f, to));
        }
    }

    private static String join(String a, String b) {
        return join(a, b, ", ");
    }

    private static String join(String a, String b, String sep) {
        boolean hasA = a != null && !a.isBlank();
        boolean hasB = b != null && !b.isBlank();
        return hasA && hasB ? a.strip() + sep + b.strip() : hasA ? a.strip() : hasB ? b.strip() : null;
    }
}
