package org.evergreencrm.scoring.internal.jobs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.evergreencrm.api.NotFoundException;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.scoring.ModelVersion;
import org.evergreencrm.api.scoring.TrainingJob;
import org.evergreencrm.api.schedule.OneTimeTask;
import org.evergreencrm.api.schedule.TaskScheduler;
import org.evergreencrm.scoring.internal.data.Mapping;
import org.evergreencrm.scoring.internal.data.TrainingSet;
import org.evergreencrm.scoring.internal.model.Trainer;
import org.evergreencrm.scoring.internal.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training from an upload: the CSV and the mapping are read at once (a bad mapping, a missing column or a leaking
 * feature is refused before anything is stored, naming the key at fault), kept in {@code scoring_job}, and trained by
 * the platform scheduler's one-time task {@value #TASK} on whichever node takes it, with its step and percentage
 * stored as it goes. A run cut short (a restart) starts over at its next attempt; training is repeatable (fixed seed).
 */
public final class TrainingJobs {
    static final String TASK = "scoring-train";
    public static final int MAX_BYTES = 64 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(TrainingJobs.class);
    private static final long SEED = 42;
    private final TrainingJobStore store;
    private final Registry registry;
    private final TaskScheduler scheduler;
    private final Clock clock;

    public TrainingJobs(javax.sql.DataSource ds, Registry registry, TaskScheduler scheduler, Clock clock) {
        this.store = new TrainingJobStore(ds);
        this.registry = registry;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Checks the upload, stores it and schedules its training; answers the job (QUEUED). */
    public TrainingJob start(String name, byte[] csv, String csvName, byte[] mapping, String by) {
        if (csv == null || csv.length == 0) {
            throw new ValidationException("csv", "is required: the CSV of historical outcomes with a header row");
        }
        if (mapping == null || mapping.length == 0) {
            throw new ValidationException("mapping", "is required: the mapping (JSON or YAML) naming the outcome and the features");
        }
        if (csv.length > MAX_BYTES || mapping.length > MAX_BYTES) {
            throw new ValidationException(csv.length > MAX_BYTES ? "csv" : "mapping", "is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        String file = csvName == null || csvName.isBlank() ? "upload.csv" : csvName.strip();
        String modelName = name == null || name.isBlank() ? file : name.strip();
        if (modelName.length() > 100) {
            throw new ValidationException("name", "is longer than 100 characters");
        }
        if (file.length() > 200) {
            throw new ValidationException("csvName", "is longer than 200 characters");
        }
        String csvText = new String(csv, StandardCharsets.UTF_8);
        String mappingText = new String(mapping, StandardCharsets.UTF_8);
        TrainingSet set = read(csvText, mappingText); // refused here, with the key at fault, before anything is stored
        try {
            Trainer.requireEnough(set);
        } catch (IllegalArgumentException tooFew) {
            throw new ValidationException("csv", tooFew.getMessage());
        }
        long id = store.create(modelName, by, clock.instant(), file, sha256(csv), csvText, mappingText);
        store.progress(id, "QUEUED", "checked " + set.report().rowsUsed() + " rows; waiting for the scheduler", 0);
        scheduler.schedule(TASK, "job-" + id, clock.instant(), Long.toString(id));
        return store.get(id).orElseThrow();
    }

    public List<TrainingJob> all() {
        return store.all(50);
    }

    public Optional<TrainingJob> get(long id) {
        return store.get(id);
    }

    public OneTimeTask task() {
        return new OneTimeTask() {
            @Override
            public String name() {
                return TASK;
            }

            @Override
            public void run(String instance, String data) {
                TrainingJobs.this.run(Long.parseLong(data));
            }
        };
    }

    void run(long id) {
        TrainingJobStore.Input in = store.input(id).orElseThrow(() -> new NotFoundException("training job", id));
        if (in.csv() == null || in.mapping() == null) {
            return; // over already (DONE or FAILED)
        }
        store.progress(id, "RUNNING", "reading " + in.csvName(), 5);
        try {
            TrainingSet set = read(in.csv(), in.mapping());
            Mapping m = Mapping.read(new ByteArrayInputStream(in.mapping().getBytes(StandardCharsets.UTF_8)));
            Trainer.Result r = Trainer.train(set, m.missing(), SEED, (step, percent) -> store.progress(id, "RUNNING", step, percent));
            store.progress(id, "RUNNING", "storing the model", 95);
            TrainingSet.Report rep = set.report();
            ModelVersion v = registry.save(in.job().name(), r, set, in.job().startedBy(), "upload " + in.csvName() + " (" + rep.rowsUsed()
                    + " rows, sha256 " + in.sha256().substring(0, 12) + "), by " + in.job().startedBy());
            store.finish(id, "DONE", "done", 100, summary(r, rep, v), v.id(), clock.instant());
        } catch (IOException | ValidationException e) {
            store.finish(id, "FAILED", "failed", 100, e.getMessage(), null, clock.instant());
        } catch (IllegalArgumentException e) { // the data cannot be trained on (too few rows of one outcome): no retry helps
            String field = e instanceof Mapping.MappingException me ? me.field() + ": " : "";
            store.finish(id, "FAILED", "failed", 100, field + e.getMessage(), null, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("training job {} failed; the scheduler tries it again", id, e);
            store.progress(id, "QUEUED", "attempt failed (" + e.getMessage() + "); the scheduler tries again", 0);
            throw e;
        }
    }

    /** Both learners' held-out figures and what was kept, in one line a person reads. */
    static String summary(Trainer.Result r, TrainingSet.Report rep, ModelVersion v) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%d rows (%d without an outcome skipped), split %s; ", rep.rowsUsed(), rep.withoutOutcome(), r.split()));
        r.metrics().forEach((learner, m) -> s.append(String.format(Locale.ROOT, "%s AUC %.3f, log loss %.4f (base %.4f), Brier %.4f, lift@10%% %.2f; ",
                learner, m.auc(), m.logLoss(), m.baseLogLoss(), m.brier(), m.liftAt10())));
        s.append("kept ").append(r.best()).append(" as model ").append(v.id()).append(" (").append(v.state()).append(')');
        if (!rep.warnings().isEmpty()) {
            s.append("; warnings: ").append(String.join("; ", rep.warnings()));
        }
        if (!rep.unreadableCells().isEmpty()) {
            s.append("; cells taken as missing: ").append(rep.unreadableCells());
        }
        return s.toString();
    }

    private static TrainingSet read(String csv, String mapping) {
        try {
            Mapping m = Mapping.read(new ByteArrayInputStream(mapping.getBytes(StandardCharsets.UTF_8)));
            return TrainingSet.read(new StringReader(csv), m);
        } catch (Mapping.MappingException e) {
            throw new ValidationException(e.field(), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
