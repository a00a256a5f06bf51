package org.evergreencrm.scoring.internal.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.scoring.ModelVersion;
import org.evergreencrm.api.store.SchemaReady;
import org.evergreencrm.scoring.internal.data.TrainingSet;
import org.evergreencrm.scoring.internal.model.TrainedModel;
import org.evergreencrm.scoring.internal.model.Trainer;
import org.evergreencrm.store.jdbc.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The model registry: stores a training run's kept model as a version (the first one becomes ACTIVE, later ones
 * CANDIDATE until promoted), promotes, rolls back, and hands the active model to the scorer. Which model is active is
 * read again at most every {@value #RECHECK_SECONDS} s, so a promotion on another node is followed without a restart.
 */
@Component(service = Registry.class)
public final class Registry {
    static final long RECHECK_SECONDS = 30;
    private final ModelStore store;
    private final DataSource ds;
    private final Clock clock;
    private volatile Active active;
    private volatile Instant checkedAt = Instant.EPOCH;

    /** The model that scores, with its registry version. */
    public record Active(ModelVersion version, TrainedModel model) {
    }

    @Activate
    public Registry(@Reference(target = "(osgi.jndi.service.name=evergreen)") DataSource ds,
            @Reference(target = "(evergreen.schema=org.evergreencrm.scoring)") SchemaReady schema) {
        this(ds, Clock.systemUTC());
    }

    Registry(DataSource ds, Clock clock) {
        this.ds = ds;
        this.store = new ModelStore(ds);
        this.clock = clock;
    }

    /** Stores the run's kept learner; ACTIVE when no model is active yet. */
    public ModelVersion save(String name, Trainer.Result r, TrainingSet set, String by, String provenance) {
        TrainedModel model = r.models().get(r.best());
        String from = set.rows().stream().map(TrainingSet.Row::date).filter(java.util.Objects::nonNull).min(java.util.Comparator.naturalOrder())
                .map(Object::toString).orElse(null);
        String to = set.rows().stream().map(TrainingSet.Row::date).filter(java.util.Objects::nonNull).max(java.util.Comparator.naturalOrder())
                .map(Object::toString).orElse(null);
        Instant now = clock.instant();
        long id = Jdbc.inTransaction(ds, c -> {
            boolean first = store.activeId().isEmpty();
            long newId = store.insert(new ModelVersion(0, name, r.best(), "CANDIDATE", by, now, from, to, model.features(), provenance,
                    r.split(), r.trainRows(), Map.copyOf(r.metrics()), null), model, c);
            if (first) {
                store.activate(c, newId, now);
            }
            return newId;
        });
        checkedAt = Instant.EPOCH;
        return store.get(id).orElseThrow();
    }

    public List<ModelVersion> all() {
        return store.all();
    }

    public Optional<ModelVersion> get(long id) {
        return store.get(id);
    }

    public ModelVersion promote(long id) {
        ModelVersion v = store.get(id).orElseThrow(() -> new NotFoundException("model", id));
        Jdbc.inTransaction(ds, c -> {
            store.activate(c, id, clock.instant());
            return null;
        });
        checkedAt = Instant.EPOCH;
        return store.get(v.id()).orElseThrow();
    }

    /** Back to the model promoted before the active one (the RETIRED one promoted most recently). */
    public ModelVersion rollback() {
        List<ModelVersion> all = store.all();
        ModelVersion current = all.stream().filter(v -> v.state().equals("ACTIVE")).findFirst()
                .orElseThrow(() -> new ValidationException("model", "no model is active: nothing to roll back"));
        ModelVersion before = all.stream().filter(v -> v.state().equals("RETIRED") && v.promotedAt() != null)
                .max(java.util.Comparator.comparing(ModelVersion::promotedAt))
                .orElseThrow(() -> new ValidationException("model", "model " + current.id() + " is the only one ever promoted: nothing to roll back to"));
        return promote(before.id());
    }

    /** The active model, loaded once per version. */
    public Optional<Active> active() {
        Instant now = clock.instant();
        if (Duration.between(checkedAt, now).getSeconds() >= RECHECK_SECONDS) {
            Optional<Long> id = store.activeId();
            Active a = active;
            if (id.isEmpty()) {
                active = null;
            } else if (a == null || a.version().id() != id.get()) {
                active = new Active(store.get(id.get()).orElseThrow(), store.load(id.get()));
            }
            checkedAt = now;
        }
        return Optional.ofNullable(active);
    }
}
