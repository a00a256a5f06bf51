package org.evergreencrm.scoring.internal.data;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Random;

/**
 * Historical lead outcomes with a known signal plus noise, for tests and demos: source, product line, state,
 * distance to the nearest branch, soft-credit tier (sometimes "unknown"), hour and weekday of receipt, prior
 * contacts, campaign — and {@code call_duration}, a column known only after the call that leaks the outcome. The
 * chance of a sale is {@link #trueProbability} of those features; the outcome is drawn from it.
 */
public final class SyntheticOutcomes {
    static final String[] SOURCES = {"web-form", "referral", "provider", "inbound-call"};
    static final String[] PRODUCTS = {"solar", "roofing", "hvac", "windows"};
    static final String[] STATES = {"FL", "TX", "AZ", "IL", "NY"};
    static final String[] TIERS = {"A", "B", "C", "D", "unknown"};
    public static final String HEADER = "lead_id,received_at,source,product,state,distance_mi,credit_tier,prior_contacts,campaign,call_duration,sold";

    private SyntheticOutcomes() {
    }

    /** {@code n} rows as CSV with a header, deterministic for a seed. */
    public static String csv(int n, long seed) {
        Random r = new Random(seed);
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
        for (int i = 0; i < n; i++) {
            String source = SOURCES[r.nextInt(SOURCES.length)];
            String product = PRODUCTS[r.nextInt(PRODUCTS.length)];
            String state = STATES[r.nextInt(STATES.length)];
            double distance = Math.round(Math.abs(r.nextGaussian()) * 25 * 10) / 10.0;
            String tier = TIERS[r.nextInt(TIERS.length)];
            LocalDateTime at = start.plusMinutes((long) i * 731 % (730L * 24 * 60)).withHour(7 + r.nextInt(14));
            int prior = r.nextInt(10) < 7 ? 0 : 1 + r.nextInt(3);
            String campaign = r.nextBoolean() ? "spring-promo" : "evergreen";
            double p = trueProbability(source, tier, distance, at.getHour(), prior);
            boolean sold = r.nextDouble() < p;
            int duration = sold ? 600 + r.nextInt(1800) : r.nextInt(400);
            out.append(String.format(Locale.ROOT, "L%d,%s,%s,%s,%s,%.1f,%s,%d,%s,%d,%s%n", i, at, source, product, state, distance, tier,
                    prior, campaign, duration, sold ? "yes" : "no"));
        }
        return out.toString();
    }

    /** The chance of a sale the generator uses: referrals and good credit help, distance and late hours hurt. */
    public static double trueProbability(String source, String tier, double distanceMiles, int hour, int priorContacts) {
        double logit = -2.0
                + switch (source) { case "referral" -> 1.2; case "inbound-call" -> 0.8; case "provider" -> -0.6; default -> 0.0; }
                + switch (tier) { case "A" -> 1.0; case "B" -> 0.5; case "D" -> -0.8; default -> 0.0; }
                - 0.03 * distanceMiles
                + (hour >= 18 ? -0.5 : 0.0)
                + 0.3 * Math.min(priorContacts, 3);
        return 1 / (1 + Math.exp(-logit));
    }
}
