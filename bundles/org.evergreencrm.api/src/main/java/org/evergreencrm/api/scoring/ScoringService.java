package org.evergreencrm.api.scoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.evergreencrm.api.security.Actor;

/**
 * The scoring service. Models and their metrics are for managers and admins; training, promoting and rolling back are
 * for admins. A lead's score is stored on the lead and follows the lead's access rule.
 */
public interface ScoringService {
    /**
     * Starts training from a CSV of historical outcomes and a mapping (JSON or YAML, docs/scoring.md) on the platform
     * scheduler. The CSV and the mapping are checked first: a bad mapping or a leaking feature is refused at once with
     * the key or column at fault. The model is stored as a {@code CANDIDATE}; {@code promote} makes it score leads (the
     * first model is promoted when trained).
     */
    TrainingJob train(Actor actor, String name, byte[] csv, String csvName, byte[] mapping);

    Optional<TrainingJob> job(Actor actor, long id);

    List<TrainingJob> jobs(Actor actor);

    /** The registry, newest first. */
    List<ModelVersion> models(Actor actor);

    Optional<ModelVersion> model(Actor actor, long id);

    /** Makes the model the one that scores; the one before is kept as {@code RETIRED} for a rollback. */
    ModelVersion promote(Actor actor, long id);

    /** Goes back to the model active before the current one. */
    ModelVersion rollback(Actor actor);

    /** What scores leads now: the plugin model or the registry's active one, as "name version", or empty when none. */
    Optional<String> scorer();

    /**
     * Scores a set of feature values with what scores leads now (the model page's "try it"): probability, priority,
     * model and reasons; managers and admins.
     */
    org.evergreencrm.api.lead.LeadScore score(Actor actor, Map<String, Object> features);
}
