package org.evergreencrm.enrichment.internal.providers;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.evergreencrm.api.enrichment.EnrichmentValue;

/**
 * Market context from our own lead history (pure arithmetic over {@link LeadFact}s, so it is tested without a
 * database): lead volume and appointment rate in the place's region, a seasonality factor for the current month and the
 * local trend. The region is the ZIP's 3-digit prefix (a USPS sectional centre) when it has enough history, else the
 * state, else all regions — and the value says which. Rates are shrunk toward all regions' rate (empirical Bayes with a
 * prior weight of {@value #PRIOR} leads) so a region with three leads does not claim a 67% rate.
 */
final class MarketMath {
    static final int MIN_REGION_LEADS = 30;
    static final int MIN_SEASON_LEADS = 120;
    static final int PRIOR = 20;
    private static final Duration YEAR = Duration.ofDays(365);
    private static final Duration QUARTER = Duration.ofDays(90);

    /** One lead of the history: when it came, where its contact is (ZIP5, state code; either may be null), whether it got an appointment. */
    record LeadFact(Instant receivedAt, String zip, String state, boolean appointment) {
    }

    private record Region(String name, Predicate<LeadFact> contains, long size) {
    }

    private MarketMath() {
    }

    static List<EnrichmentValue> compute(List<LeadFact> facts, String zip, String state, Instant now, String source) {
        List<EnrichmentValue> out = new ArrayList<>();
        if (facts.isEmpty()) {
            out.add(new EnrichmentValue("market", "leadsLast12Months", "0", "leads", "no lead history yet in any region", source, now));
            return out;
        }
        Instant yearAgo = now.minus(YEAR);
        Region region = region(facts, zip, state, MIN_REGION_LEADS, f -> !f.receivedAt().isBefore(yearAgo));
        List<LeadFact> lastYear = facts.stream().filter(f -> !f.receivedAt().isBefore(yearAgo) && !f.receivedAt().isAfter(now)).toList();
        List<LeadFact> local = lastYear.stream().filter(region.contains()).toList();
        out.add(new EnrichmentValue("market", "region", region.name(), null, "the smallest region with at least "
                + MIN_REGION_LEADS + " leads in the last 12 months (ZIP prefix, state, all)", source, now));
        out.add(new EnrichmentValue("market", "leadsLast12Months", Long.toString(local.size()), "leads",
                "leads received in " + region.name() + " in the last 12 months", source, now));
        long allLeads = lastYear.size();
        long allAppointments = lastYear.stream().filter(LeadFact::appointment).count();
        if (allLeads > 0) {
            double global = (double) allAppointments / allLeads;
            long appointments = local.stream().filter(LeadFact::appointment).count();
            double rate = (appointments + PRIOR * global) / (local.size() + PRIOR);
            out.add(new EnrichmentValue("market", "appointmentRate", pct(rate), "%", appointments + " of " + local.size()
                    + " leads in " + region.name() + " got an appointment set (last 12 months), shrunk toward all regions' "
                    + pct(global) + "% with the weight of " + PRIOR + " leads", source, now));
        }
        if (allLeads > 0) {
            monthRate(facts, region, now, source, out);
        }
        seasonality(facts, zip, state, now, source, out);
        trend(facts, region, now, source, out);
        return out;
    }

    private static void seasonality(List<LeadFact> facts, String zip, String state, Instant now, String source, List<EnrichmentValue> out) {
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        YearMonth first = current.minusMonths(36);
        YearMonth earliest = facts.stream().map(f -> YearMonth.from(f.receivedAt().atZone(ZoneOffset.UTC))).min(YearMonth::compareTo).orElse(current);
        YearMonth from = earliest.isAfter(first) ? earliest : first;
        int months = (int) from.until(current, java.time.temporal.ChronoUnit.MONTHS); // full months before this one
        Predicate<LeadFact> inWindow = f -> {
            YearMonth m = YearMonth.from(f.receivedAt().atZone(ZoneOffset.UTC));
            return !m.isBefore(from) && m.isBefore(current);
        };
        Region region = region(facts, zip, state, MIN_SEASON_LEADS, inWindow);
        if (months < 12) {
            out.add(new EnrichmentValue("market", "seasonality", "unknown", null, "needs 12 full months of lead history; has "
                    + months, source, now));
            return;
        }
        long[] byMonth = new long[12];
        int[] seen = new int[12];
        for (YearMonth m = from; m.isBefore(current); m = m.plusMonths(1)) {
            seen[m.getMonthValue() - 1]++;
        }
        long total = 0;
        for (LeadFact f : facts) {
            if (inWindow.test(f) && region.contains().test(f)) {
                byMonth[f.receivedAt().atZone(ZoneOffset.UTC).getMonthValue() - 1]++;
                total++;
            }
        }
        if (total == 0) {
            out.add(new EnrichmentValue("market", "seasonality", "unknown", null, "no leads in " + region.name() + " in the last "
                    + months + " months", source, now));
            return;
        }
        int m = current.getMonthValue() - 1;
        double perMonth = (double) total / months;
        double thisMonth = (double) byMonth[m] / seen[m];
        double factor = thisMonth / perMonth;
        out.add(new EnrichmentValue("market", "seasonality", String.format(Locale.ROOT, "%.2f", factor), "x",
                String.format(Locale.ROOT, "%s in %s: %.1f leads in a typical %s against %.1f in an average month (%d months of history, %d leads)",
                        current.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH), region.name(), thisMonth,
                        current.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH), perMonth, months, total),
                source, now));
    }

    /**
     * The appointment rate of the leads that came in this calendar month in earlier years (and this one), in the
     * region, shrunk toward the region's rate over the window with the weight of {@value #PRIOR} leads: "close rate by
     * region and month". Leads of the last 30 days are left out (too young to have had their appointment).
     */
    private static void monthRate(List<LeadFact> facts, Region region, Instant now, String source, List<EnrichmentValue> out) {
        java.time.Month month = now.atZone(ZoneOffset.UTC).getMonth();
        Instant from = now.minus(Duration.ofDays(3 * 365));
        Instant young = now.minus(Duration.ofDays(30));
        List<LeadFact> window = facts.stream().filter(region.contains())
                .filter(f -> !f.receivedAt().isBefore(from) && f.receivedAt().isBefore(young)).toList();
        if (window.isEmpty()) {
            return;
        }
        double regionRate = (double) window.stream().filter(LeadFact::appointment).count() / window.size();
        List<LeadFact> inMonth = window.stream().filter(f -> f.receivedAt().atZone(ZoneOffset.UTC).getMonth() == month).toList();
        long appointments = inMonth.stream().filter(LeadFact::appointment).count();
        double rate = (appointments + PRIOR * regionRate) / (inMonth.size() + PRIOR);
        String name = month.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
        out.add(new EnrichmentValue("market", "appointmentRateThisMonth", pct(rate), "%", appointments + " of " + inMonth.size()
                + " leads received in " + name + " (last 3 years, " + region.name() + ") got an appointment set, shrunk toward the region's "
                + pct(regionRate) + "% with the weight of " + PRIOR + " leads", source, now));
    }

    /**
     * The last 90 days against the same 90 days a year before (so the season does not pass for a trend); with less
     * than a year of history, against the 90 days before, and the value says it is not season-adjusted.
     */
    private static void trend(List<LeadFact> facts, Region region, Instant now, String source, List<EnrichmentValue> out) {
        Instant q1 = now.minus(QUARTER);
        Instant earliest = facts.stream().map(LeadFact::receivedAt).min(Instant::compareTo).orElse(now);
        boolean yearOverYear = !earliest.isAfter(q1.minus(YEAR));
        Instant thenEnd = yearOverYear ? now.minus(YEAR) : q1;
        Instant thenStart = thenEnd.minus(QUARTER);
        long recent = facts.stream().filter(region.contains()).filter(f -> !f.receivedAt().isBefore(q1) && !f.receivedAt().isAfter(now)).count();
        long before = facts.stream().filter(region.contains())
                .filter(f -> !f.receivedAt().isBefore(thenStart) && f.receivedAt().isBefore(thenEnd)).count();
        String counts = recent + " leads in " + region.name() + " in the last 90 days against " + before
                + (yearOverYear ? " in the same 90 days a year before" : " in the 90 days before (less than a year of history: not season-adjusted)");
        if (before < 5) {
            out.add(new EnrichmentValue("market", "trend", "unknown", null, counts + " (too few to compare)", source, now));
            return;
        }
        double ratio = (double) recent / before;
        out.add(new EnrichmentValue("market", "trend", String.format(Locale.ROOT, "%.2f", ratio), "x", counts, source, now));
        out.add(new EnrichmentValue("market", "trendDirection", ratio > 1.15 ? "rising" : ratio < 0.87 ? "falling" : "steady", null,
                "rising above 1.15x, falling below 0.87x", source, now));
    }

    private static Region region(List<LeadFact> facts, String zip, String state, int min, Predicate<LeadFact> window) {
        if (zip != null && zip.length() >= 3) {
            String prefix = zip.substring(0, 3);
            Predicate<LeadFact> p = f -> f.zip() != null && f.zip().startsWith(prefix);
            long n = facts.stream().filter(window).filter(p).count();
            if (n >= min) {
                return new Region("ZIP " + prefix + "xx", p, n);
            }
        }
        if (state != null) {
            Predicate<LeadFact> p = f -> state.equals(f.state());
            long n = facts.stream().filter(window).filter(p).count();
            if (n >= min) {
                return new Region(state, p, n);
            }
        }
        return new Region("all regions", f -> true, facts.size());
    }

    private static String pct(double rate) {
        return String.format(Locale.ROOT, "%.1f", 100 * rate);
    }
}
