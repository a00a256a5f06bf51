package org.evergreencrm.samplemodel.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

import org.evergreencrm.api.scoring.ScorePrediction;
import org.evergreencrm.api.scoring.ScoreReason;
import org.evergreencrm.api.scoring.ScoringModel;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A sample {@link ScoringModel} plugin: a points scorecard (source, soft-credit tier, distance to the nearest branch)
 * turned into a probability by the logistic function, each feature's points being its reason. Installed live
 * ({@code feature:install evergreen-sample-model}) its {@code service.ranking} of 100 makes it score new leads in place
 * of the registry's trained model; uninstalled, the trained model scores again. Its points come from ConfigAdmin, and
 * its version names them (a change of points is a new version on every score it gives).
 */
@Component(service = ScoringModel.class, configurationPid = "org.evergreencrm.samplemodel", property = "service.ranking:Integer=100")
@Designate(ocd = ScorecardConfig.class)
public final class ScorecardModel implements ScoringModel {
    static final String NAME = "acme-scorecard";
    private final double intercept;
    private final Map<String, Double> sources;
    private final Map<String, Double> tiers;
    private final double perTenMiles;
    private final String version;

    @Activate
    public ScorecardModel(BundleContext context, ScorecardConfig config) {
        this(context.getBundle().getVersion().toString(), config.intercept(), points("sourcePoints", config.sourcePoints()),
                points("creditTierPoints", config.creditTierPoints()), config.pointsPerTenMiles());
    }

    ScorecardModel(String bundleVersion, double intercept, Map<String, Double> sources, Map<String, Double> tiers, double perTenMiles) {
        this.intercept = intercept;
        this.sources = Map.copyOf(sources);
        this.tiers = Map.copyOf(tiers);
        this.perTenMiles = perTenMiles;
        CRC32 crc = new CRC32();
        crc.update((intercept + "|" + new java.util.TreeMap<>(sources) + "|" + new java.util.TreeMap<>(tiers) + "|" + perTenMiles)
                .getBytes(StandardCharsets.UTF_8));
        this.version = bundleVersion + "+points." + String.format("%08x", crc.getValue());
    }

    /** {@code key=points,key=points}: keys lower-cased; a malformed entry is refused naming the setting. */
    static Map<String, Double> points(String setting, String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            try {
                if (eq <= 0) {
                    throw new NumberFormatException("no '='");
                }
                out.put(entry.substring(0, eq).strip().toLowerCase(Locale.ROOT), Double.parseDouble(entry.substring(eq + 1).strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(setting + ": '" + entry.strip() + "' is not key=points (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Set<String> features() {
        return Set.of("source", "credit_tier", "distance_mi");
    }

    @Override
    public ScorePrediction predict(Map<String, Object> features) {
        List<ScoreReason> reasons = new ArrayList<>();
        double logit = intercept;
        logit += category(features, "source", sources, reasons);
        logit += category(features, "credit_tier", tiers, reasons);
        Object d = features.get("distance_mi");
        Double miles = d instanceof Number n ? n.doubleValue() : d instanceof String s ? parse(s) : null;
        if (miles == null || !Double.isFinite(miles)) {
            reasons.add(new ScoreReason("distance_mi", "missing", 0));
        } else {
            double effect = perTenMiles * Math.min(100, Math.max(0, miles)) / 10;
            reasons.add(new ScoreReason("distance_mi", String.format(Locale.ROOT, "%.1f", miles), effect));
            logit += effect;
        }
        reasons.sort(Comparator.comparingDouble((ScoreReason r) -> -Math.abs(r.effect())));
        return new ScorePrediction(1 / (1 + Math.exp(-logit)), reasons);
    }

    private static double category(Map<String, Object> features, String name, Map<String, Double> points, List<ScoreReason> reasons) {
        Object v = features.get(name);
        if (v == null || v.toString().isBlank()) {
            reasons.add(new ScoreReason(name, "missing", 0));
            return 0;
        }
        double effect = points.getOrDefault(v.toString().strip().toLowerCase(Locale.ROOT), 0.0);
        reasons.add(new ScoreReason(name, v.toString(), effect));
        return effect;
    }

    private static Double parse(String s) {
        try {
            return Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
