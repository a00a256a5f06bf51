package org.evergreencrm.scoring.internal.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.lead.LeadScore;
import org.evergreencrm.api.schedule.OneTimeTask;
import org.evergreencrm.api.schedule.TaskScheduler;
import org.evergreencrm.api.scoring.ModelVersion;
import org.evergreencrm.api.scoring.ScoringService;
import org.evergreencrm.api.scoring.TrainingJob;
import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.Role;
import org.evergreencrm.scoring.internal.jobs.TrainingJobs;
import org.evergreencrm.scoring.internal.registry.Registry;
import org.evergreencrm.scoring.internal.score.OracleScorer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The scoring service behind REST and the console. Its access rule, written here once: models, their metrics, the
 * training jobs and "try it" are for managers and admins; training, promoting and rolling back are for admins. A
 * lead's score is stored on the lead and follows the lead's rule there.
 */
@Component(service = ScoringService.class)
public final class ScoringServiceImpl implements ScoringService {
    private final Registry registry;
    private final OracleScorer scorer;
    private final TrainingJobs jobs;
    private ServiceRegistration<OneTimeTask> task;

    @Activate
    public ScoringServiceImpl(BundleContext context, @Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds,
            @Reference Registry registry, @Reference OracleScorer scorer, @Reference TaskScheduler scheduler) {
        this(new TrainingJobs(ds, registry, scheduler, Clock.systemUTC()), registry, scorer);
        // removed again in deactivate(): the scheduler trains on whichever node offers the task
        this.task = context.registerService(OneTimeTask.class, jobs.task(), null);
    }

    ScoringServiceImpl(TrainingJobs jobs, Registry registry, OracleScorer scorer) {
        this.jobs = jobs;
        this.registry = registry;
        this.scorer = scorer;
    }

    @Deactivate
    void deactivate() {
        if (task != null) {
            try {
                task.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping: the framework has unregistered it already
            }
        }
    }

    @Override
    public TrainingJob train(Actor actor, String name, byte[] csv, String csvName, byte[] mapping) {
        admin(actor, "train a model");
        return jobs.start(name, csv, csvName, mapping, actor.username());
    }

    @Override
    public Optional<TrainingJob> job(Actor actor, long id) {
        managerOrAdmin(actor, "see training jobs");
        return jobs.get(id);
    }

    @Override
    public List<TrainingJob> jobs(Actor actor) {
        managerOrAdmin(actor, "see training jobs");
        return jobs.all();
    }

    @Override
    public List<ModelVersion> models(Actor actor) {
        managerOrAdmin(actor, "see the model registry");
        return registry.all();
    }

    @Override
    public Optional<ModelVersion> model(Actor actor, long id) {
        managerOrAdmin(actor, "see the model registry");
        return registry.get(id);
    }

    @Override
    public ModelVersion promote(Actor actor, long id) {
        admin(actor, "promote a model");
        return registry.promote(id);
    }

    @Override
    public ModelVersion rollback(Actor actor) {
        admin(actor, "roll a model back");
        return registry.rollback();
    }

    @Override
    public Optional<String> scorer() {
        return scorer.current();
    }

    @Override
    public LeadScore score(Actor actor, Map<String, Object> features) {
        managerOrAdmin(actor, "try a model");
        if (features == null) {
            throw new ValidationException("features", "is required: the feature values to score");
        }
        List<String> known = scorer.features().orElseThrow(ScoringServiceImpl::noModel);
        List<org.evergreencrm.api.FieldError> errors = new java.util.ArrayList<>();
        features.forEach((key, value) -> {
            if (!known.contains(key)) {
                errors.add(new org.evergreencrm.api.FieldError(key, "is not a feature of the model that scores now; its features are " + known));
            } else if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                errors.add(new org.evergreencrm.api.FieldError(key, "must be a number, text or true/false (or left out when missing)"));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return scorer.predict(features).orElseThrow(ScoringServiceImpl::noModel);
    }

    private static ValidationException noModel() {
        return new ValidationException("model", "no model scores yet: train one (crm:model-train or the model page) or install a scoring plugin");
    }

    private static void admin(Actor actor, String what) {
        if (!actor.isAdmin()) {
            throw new AccessDeniedException("only an admin may " + what);
        }
    }

    private static void managerOrAdmin(Actor actor, String what) {
        if (actor.role() != Role.ADMIN && actor.role() != Role.MANAGER) {
            throw new AccessDeniedException("only a manager or an admin may " + what);
        }
    }
}
