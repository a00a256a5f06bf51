package org.evergreencrm.scoring.internal.score;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentSkipListMap;

import org.evergreencrm.api.lead.LeadProfile;
import org.evergreencrm.api.lead.LeadRouting;
import org.evergreencrm.api.lead.LeadScore;
import org.evergreencrm.api.lead.LeadScorer;
import org.evergreencrm.api.scoring.ScorePrediction;
import org.evergreencrm.api.scoring.ScoringModel;
import org.evergreencrm.scoring.internal.registry.Registry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The intake's {@link LeadScorer}: a plugin's {@link ScoringModel} when one is installed (the highest
 * {@code service.ranking}), else the registry's active model; with neither the lead goes on unscored. The priority
 * comes from the registry model's held-out quartiles (a plugin model gives none of its own: the lead lists show its
 * probability).
 */
@Component(service = {LeadScorer.class, OracleScorer.class})
public final class OracleScorer implements LeadScorer {
    private final Registry registry;
    private final Clock clock = Clock.systemDefaultZone();
    /** ranking → plugin models (a plugin model goes away: the next one, then the registry's). */
    private final ConcurrentSkipListMap<Long, ScoringModel> plugins = new ConcurrentSkipListMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile LeadRouting routing;

    @Activate
    public OracleScorer(@Reference Registry registry) {
        this.registry = registry;
    }

    @Reference(service = ScoringModel.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addModel(ScoringModel m, Map<String, Object> props) {
        plugins.put(key(props), m);
    }

    void removeModel(ScoringModel m, Map<String, Object> props) {
        plugins.remove(key(props), m);
    }

    /** Highest ranking first, then the oldest service (lower id) first. */
    private static long key(Map<String, Object> props) {
        Object r = props.get("service.ranking");
        long ranking = r instanceof Integer i ? i : 0;
        long id = props.get("service.id") instanceof Long l ? l : 0;
        return -(ranking << 32) + id;
    }

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public OptionalDouble score(LeadProfile lead) throws Exception {
        return explain(lead).map(s -> OptionalDouble.of(s.probability())).orElse(OptionalDouble.empty());
    }

    @Override
    public Optional<LeadScore> explain(LeadProfile lead) {
        LeadRouting r = routing;
        return predict(LeadFeatures.of(lead, r == null ? List.of() : r.branches(), clock));
    }

    /** The current model's answer for these feature values: a plugin model's, else the registry's active one's. */
    public Optional<LeadScore> predict(Map<String, Object> features) {
        Map.Entry<Long, ScoringModel> plugin = plugins.firstEntry();
        if (plugin != null) {
            ScoringModel m = plugin.getValue();
            ScorePrediction p = m.predict(features);
            return Optional.of(new LeadScore(p.probability(), null, m.name() + " " + m.version(), top(p)));
        }
        Optional<Registry.Active> active = registry.active();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        ScorePrediction p = active.get().model().predict(features);
        return Optional.of(new LeadScore(p.probability(), active.get().model().priority(p.probability()),
                active.get().version().name() + " v" + active.get().version().id(), top(p)));
    }

    /** The features of what scores now (a plugin model's or the active registry model's). */
    public Optional<List<String>> features() {
        Map.Entry<Long, ScoringModel> plugin = plugins.firstEntry();
        if (plugin != null) {
            return Optional.of(List.copyOf(plugin.getValue().features()));
        }
        return registry.active().map(a -> a.model().features());
    }

    /** What scores now, as "name version"; empty with neither a plugin model nor an active registry model. */
    public Optional<String> current() {
        Map.Entry<Long, ScoringModel> plugin = plugins.firstEntry();
        if (plugin != null) {
            return Optional.of(plugin.getValue().name() + " " + plugin.getValue().version() + " (plugin)");
        }
        return registry.active().map(a -> a.version().name() + " v" + a.version().id());
    }

    private static List<org.evergreencrm.api.scoring.ScoreReason> top(ScorePrediction p) {
        return p.reasons().subList(0, Math.min(8, p.reasons().size()));
    }
}
