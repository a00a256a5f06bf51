package org.evergreencrm.leads.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.evergreencrm.api.lead.SourceHealth;
import org.evergreencrm.api.lead.SpeedToLead;
import org.evergreencrm.store.jdbc.Jdbc;

/** Source health and speed-to-lead (receipt to the first call placed, as recorded on the lead), from the lead and dead-letter tables. */
final class LeadReports {
    private LeadReports() {
    }

    static List<SourceHealth> sources(DataSource ds) {
        return Jdbc.read(ds, c -> {
            Map<String, Object[]> by = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT source, COUNT(*), MAX(received_at) AS last_received FROM lead GROUP BY source");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    by.put(rs.getString(1), new Object[] {rs.getLong(2), 0L, 0L, Jdbc.instant(rs, "last_received"), null});
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT source, SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN status = 'SPAM' THEN 1 ELSE 0 END), MAX(failed_at) AS last_failure FROM lead_dead_letter GROUP BY source");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] a = by.computeIfAbsent(rs.getString(1), k -> new Object[] {0L, 0L, 0L, null, null});
                    a[1] = rs.getLong(2);
                    a[2] = rs.getLong(3);
                    a[4] = Jdbc.instant(rs, "last_failure");
                }
            }
            List<SourceHealth> out = new ArrayList<>();
            by.forEach((k, a) -> out.add(new SourceHealth(k, (Long) a[0], (Long) a[1], (Long) a[2], (Instant) a[3], (Instant) a[4])));
            return out;
        });
    }

    static List<SpeedToLead> speedToLead(DataSource ds, Instant since, int slaMinutes) {
        return Jdbc.read(ds, c -> {
            Map<String, List<Double>> minutes = new HashMap<>();
            Map<String, long[]> counts = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT l.assigned_to, l.source, l.received_at, "
                    + "l.first_attempt_at AS first_attempt "
                    + "FROM lead l WHERE l.received_at >= ?")) {
                Jdbc.set(ps, 1, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Long rep = Jdbc.longOrNull(rs, "assigned_to");
                        String key = (rep == null ? "" : rep) + "|" + rs.getString("source");
                        long[] n = counts.computeIfAbsent(key, k -> new long[3]);
                        n[0]++;
                        Instant received = Jdbc.instant(rs, "received_at");
                        Instant first = Jdbc.instant(rs, "first_attempt");
                        if (first != null) {
                            double m = Duration.between(received, first).toSeconds() / 60.0;
                            n[1]++;
                            if (m <= slaMinutes) {
                                n[2]++;
                            }
                            minutes.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
                        }
                    }
                }
            }
            List<SpeedToLead> out = new ArrayList<>();
            for (Map.Entry<String, long[]> e : new TreeMap<>(counts).entrySet()) {
                String[] k = e.getKey().split("\\|", 2);
                List<Double> m = minutes.getOrDefault(e.getKey(), List.of()).stream().sorted().toList();
                out.add(new SpeedToLead(k[0].isEmpty() ? null : Long.valueOf(k[0]), k[1], e.getValue()[0], e.getValue()[1],
                        percentile(m, 0.5), percentile(m, 0.9), e.getValue()[2], slaMinutes));
            }
            return out;
        });
    }

    private static Double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? null : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    /** @param owners only leads of contacts these users own; {@code null}: all */
    static List<org.evergreencrm.api.lead.LeadDay> daily(DataSource ds, Instant since, java.util.Set<Long> owners) {
        StringBuilder sql = new StringBuilder("SELECT l.source, l.received_at FROM lead l JOIN contact k ON k.id = l.contact_id "
                + "WHERE l.received_at >= ? AND k.deleted_at IS NULL");
        if (owners != null) {
            sql.append(" AND k.owner_id IN (-1");
            owners.stream().filter(java.util.Objects::nonNull).forEach(o -> sql.append(", ").append(o.longValue()));
            sql.append(')');
        }
        return Jdbc.read(ds, c -> {
            Map<java.time.LocalDate, Map<String, Long>> by = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                Jdbc.set(ps, 1, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        java.time.LocalDate day = Jdbc.instant(rs, "received_at").atZone(java.time.ZoneOffset.UTC).toLocalDate();
                        by.computeIfAbsent(day, d -> new TreeMap<>()).merge(rs.getString(1), 1L, Long::sum);
                    }
                }
            }
            List<org.evergreencrm.api.lead.LeadDay> out = new ArrayList<>();
            by.forEach((day, sources) -> sources.forEach((source, n) -> out.add(new org.evergreencrm.api.lead.LeadDay(day, source, n))));
            return out;
        });
    }
}
