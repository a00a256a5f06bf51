package org.evergreencrm.enrichment.internal.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.evergreencrm.api.enrichment.EnrichmentValue;
import org.junit.jupiter.api.Test;

/**
 * Market context on a synthetic history with a known signal: three years of leads where summer brings twice the
 * volume, one region converts at 20% and the rest at 5%, plus noise (random days, missing ZIPs, typed state names).
 */
class MarketMathTest {
    private static final Instant NOW = Instant.parse("2026-07-15T12:00:00Z");

    private static List<MarketMath.LeadFact> history(long seed, boolean rising) {
        Random r = new Random(seed);
        List<MarketMath.LeadFact> out = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2023, 7); m.isBefore(YearMonth.of(2026, 8)); m = m.plusMonths(1)) {
            boolean summer = m.getMonthValue() == 6 || m.getMonthValue() == 7;
            int tampa = (summer ? 60 : 30) + (rising && !m.isBefore(YearMonth.of(2026, 4)) ? 30 : 0);
            for (int i = 0; i < tampa; i++) {
                out.add(fact(r, m, "336" + String.format("%02d", r.nextInt(30)), "FL", r.nextDouble() < 0.20));
            }
            for (int i = 0; i < 40; i++) {
                boolean noZip = r.nextInt(10) == 0;
                out.add(fact(r, m, noZip ? null : "6" + String.format("%04d", r.nextInt(10_000)), noZip ? null : "IL", r.nextDouble() < 0.05));
            }
        }
        return out.stream().filter(f -> !f.receivedAt().isAfter(NOW)).toList();
    }

    private static MarketMath.LeadFact fact(Random r, YearMonth m, String zip, String state, boolean appointment) {
        LocalDate day = m.atDay(1 + r.nextInt(m.lengthOfMonth()));
        return new MarketMath.LeadFact(day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(r.nextInt(86_400)), zip, state, appointment);
    }

    private static Map<String, EnrichmentValue> byField(List<EnrichmentValue> values) {
        return values.stream().collect(Collectors.toMap(EnrichmentValue::field, v -> v));
    }

    @Test
    void theKnownSeasonAndConversionAreFoundInTheRegion() {
        Map<String, EnrichmentValue> v = byField(MarketMath.compute(history(1, false), "33602", "FL", NOW, "market"));
        assertEquals("ZIP 336xx", v.get("region").value());
        double season = Double.parseDouble(v.get("seasonality").value());
        // 60 leads in a July against (10 × 30 + 2 × 60) / 12 = 35 in an average month: 1.71
        assertTrue(season > 1.55 && season < 1.9, v.get("seasonality").toString());
        double rate = Double.parseDouble(v.get("appointmentRate").value());
        assertTrue(rate > 15 && rate < 25, v.get("appointmentRate").toString());
        assertEquals("steady", v.get("trendDirection").value(), v.get("trend").toString());
        assertEquals("market", v.get("region").source());
        double july = Double.parseDouble(v.get("appointmentRateThisMonth").value());
        assertTrue(july > 14 && july < 26, v.get("appointmentRateThisMonth").toString());
    }

    @Test
    void aMonthThatConvertsBetterShowsInTheMonthsRate() {
        List<MarketMath.LeadFact> facts = new ArrayList<>();
        Random r = new Random(5);
        for (YearMonth m = YearMonth.of(2023, 7); m.isBefore(YearMonth.of(2026, 7)); m = m.plusMonths(1)) {
            double p = m.getMonthValue() == 7 ? 0.40 : 0.10; // Julys convert four times as well
            for (int i = 0; i < 40; i++) {
                facts.add(fact(r, m, "336" + String.format("%02d", r.nextInt(30)), "FL", r.nextDouble() < p));
            }
        }
        Map<String, EnrichmentValue> v = byField(MarketMath.compute(facts, "33602", "FL", NOW, "market"));
        double july = Double.parseDouble(v.get("appointmentRateThisMonth").value());
        double year = Double.parseDouble(v.get("appointmentRate").value());
        assertTrue(july > 25 && july < 45, v.get("appointmentRateThisMonth").toString());
        assertTrue(july > 2 * year, july + "% in July against " + year + "% over the last 12 months");
    }

    @Test
    void aRisingRegionShowsItsTrend() {
        Map<String, EnrichmentValue> v = byField(MarketMath.compute(history(2, true), "33611", "FL", NOW, "market"));
        assertEquals("rising", v.get("trendDirection").value(), v.get("trend").toString());
    }

    @Test
    void aPlaceWithLittleHistoryFallsBackToTheStateOrEverywhereAndSaysSo() {
        List<MarketMath.LeadFact> facts = new ArrayList<>(history(3, false));
        Map<String, EnrichmentValue> il = byField(MarketMath.compute(facts, "62704", "IL", NOW, "market"));
        assertEquals("IL", il.get("region").value(), "ZIP 627xx alone has too few leads");
        double rate = Double.parseDouble(il.get("appointmentRate").value());
        assertTrue(rate > 2 && rate < 9, il.get("appointmentRate").toString());
        Map<String, EnrichmentValue> nowhere = byField(MarketMath.compute(facts, "99501", "AK", NOW, "market"));
        assertEquals("all regions", nowhere.get("region").value());
        Map<String, EnrichmentValue> unknown = byField(MarketMath.compute(facts, null, null, NOW, "market"));
        assertEquals("all regions", unknown.get("region").value(), "no ZIP, no state: still an answer, and which");
    }

    @Test
    void rateOfATinyRegionIsShrunkTowardEverywhere() {
        List<MarketMath.LeadFact> facts = new ArrayList<>();
        Random r = new Random(4);
        for (int i = 0; i < 200; i++) {
            facts.add(fact(r, YearMonth.of(2026, 5), "10001", "NY", i % 10 == 0)); // 10% in New York
        }
        Map<String, EnrichmentValue> all = byField(MarketMath.compute(facts, "99501", "AK", NOW, "market"));
        assertEquals("10.0", all.get("appointmentRate").value());
        assertEquals("unknown", all.get("seasonality").value(), "two months of history: no seasonality claimed");
        assertTrue(all.get("seasonality").detail().contains("12 full months"), all.get("seasonality").detail());
        assertEquals("unknown", all.get("trend").value(), all.get("trend").detail());
    }

    @Test
    void noHistoryAtAllIsSaid() {
        List<EnrichmentValue> v = MarketMath.compute(List.of(), "33602", "FL", NOW, "market");
        assertEquals(1, v.size());
        assertEquals("0", v.get(0).value());
        assertTrue(v.get(0).detail().contains("no lead history"));
    }
}
