package org.evergreencrm.scoring.internal.score;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.evergreencrm.api.contact.PostalAddress;
import org.evergreencrm.api.lead.BranchOffice;
import org.evergreencrm.api.lead.GeoPoint;
import org.evergreencrm.api.lead.LeadProfile;

/**
 * The features a lead offers at intake, under the names a mapping's columns use (docs/scoring.md): {@code source},
 * the lead's own fields (as sent and in snake_case: {@code productLine} → {@code product_line}; {@code product} also
 * from {@code product_line}), {@code state}, {@code zip}, {@code zip3}, {@code distance_mi} to the nearest branch
 * when the lead is located and branches are set, {@code received_at} (now, in the server's zone). A feature the lead
 * lacks is absent, never a made-up default.
 */
final class LeadFeatures {
    private LeadFeatures() {
    }

    static Map<String, Object> of(LeadProfile lead, List<BranchOffice> branches, Clock clock) {
        Map<String, Object> out = new LinkedHashMap<>();
        lead.fields().forEach((k, v) -> {
            if (k != null && v != null && !v.isBlank()) {
                out.put(k, v.strip());
                out.putIfAbsent(snake(k), v.strip());
            }
        });
        if (!out.containsKey("product") && out.containsKey("product_line")) {
            out.put("product", out.get("product_line"));
        }
        out.put("source", lead.source());
        PostalAddress a = lead.contact() == null ? null : lead.contact().address();
        if (a != null) {
            if (a.state() != null && !a.state().isBlank()) {
                out.put("state", a.state().strip().toUpperCase(Locale.ROOT));
            }
            String zip = a.postalCode() == null ? "" : a.postalCode().replaceAll("[^0-9]", "");
            if (zip.length() >= 5) {
                out.put("zip", zip.substring(0, 5));
                out.put("zip3", zip.substring(0, 3));
            }
        }
        GeoPoint at = lead.location();
        if (at != null && !branches.isEmpty()) {
            double nearest = branches.stream().mapToDouble(b -> at.milesTo(b.at())).min().orElseThrow();
            out.put("distance_mi", Math.round(nearest * 10) / 10.0);
        }
        out.put("received_at", LocalDateTime.ofInstant(clock.instant(), ZoneId.systemDefault()));
        return out;
    }

    static String snake(String k) {
        return k.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('-', '_').replace(' ', '_').toLowerCase(Locale.ROOT);
    }
}
