package org.evergreencrm.scoring.internal.shell;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.scoring.ModelMetrics;
import org.evergreencrm.api.scoring.ModelVersion;
import org.evergreencrm.scoring.internal.data.Mapping;
import org.evergreencrm.scoring.internal.data.TrainingSet;
import org.evergreencrm.scoring.internal.model.Trainer;
import org.evergreencrm.scoring.internal.registry.Registry;

/**
 * Trains both learners from a CSV of historical outcomes and a mapping, prints their held-out metrics and stores the
 * kept one in the model registry (active when it is the first; else a candidate for {@code crm:model-promote}).
 */
@Command(scope = "crm", name = "model-train", description = "Train sale-probability models from a CSV of historical outcomes and a mapping (JSON or YAML); prints AUC, log loss, Brier, the decile lift table and calibration on a held-out split")
@Service
public class ModelTrainCommand implements Action {
    @Option(name = "--csv", required = true, description = "the CSV file: comma, semicolon or tab separated, a header row")
    String csv;

    @Option(name = "--mapping", required = true, description = "the mapping file: outcome, positive, features with types, drop, date, missing")
    String mapping;

    @Reference
    Registry registry;

    @Option(name = "--name", description = "the model's name in the registry (default: the CSV file's name)")
    String name;

    @Option(name = "--seed", description = "the seed of the stratified split when there is no date column (default 42)")
    long seed = 42;

    @Override
    public Object execute() throws Exception {
        Path csvPath = Path.of(csv);
        Path mappingPath = Path.of(mapping);
        for (Path p : new Path[] {csvPath, mappingPath}) {
            if (!Files.isReadable(p)) {
                System.out.println("cannot read " + p.toAbsolutePath());
                return null;
            }
        }
        Mapping m;
        TrainingSet set;
        try (InputStream in = Files.newInputStream(mappingPath); Reader r = Files.newBufferedReader(csvPath, StandardCharsets.UTF_8)) {
            m = Mapping.read(in);
            set = TrainingSet.read(r, m);
        } catch (IllegalArgumentException e) {
            System.out.println("refused: " + e.getMessage());
            return null;
        }
        TrainingSet.Report rep = set.report();
        System.out.printf(Locale.ROOT, "read %d rows (%d used, %d without an outcome), delimiter '%s', %d positive (%.1f%%)%n", rep.rowsRead(),
                rep.rowsUsed(), rep.withoutOutcome(), rep.delimiter() == '\t' ? "\\t" : String.valueOf(rep.delimiter()), rep.positives(),
                100.0 * rep.positives() / Math.max(1, rep.rowsUsed()));
        if (!rep.unmapped().isEmpty()) {
            System.out.println("columns not mapped (not used): " + rep.unmapped());
        }
        rep.unreadableCells().forEach((col, n) -> System.out.println("  " + col + ": " + n + " cells not readable as its type (taken as missing)"));
        rep.warnings().forEach(w -> System.out.println("WARNING: " + w));
        Trainer.Result result;
        try {
            result = Trainer.train(set, m.missing(), seed, (step, percent) -> System.out.printf("  [%3d%%] %s%n", percent, step));
        } catch (IllegalArgumentException e) {
            System.out.println("refused: " + e.getMessage());
            return null;
        }
        System.out.println("split: " + result.split() + " (" + result.trainRows() + " training rows, " + result.testRows() + " held out)");
        for (Map.Entry<String, ModelMetrics> e : result.metrics().entrySet()) {
            print(e.getKey(), e.getValue(), result.uncalibrated().get(e.getKey()), e.getKey().equals(result.best()));
        }
        ModelVersion v = registry.save(name == null ? csvPath.getFileName().toString() : name, result, set, "shell",
                csvPath.toAbsolutePath() + " (" + rep.rowsUsed() + " rows), mapping " + mappingPath.toAbsolutePath());
        System.out.println("kept: " + result.best() + " (highest held-out AUC), stored as model " + v.id() + " (" + v.state() + ")"
                + (v.state().equals("ACTIVE") ? ": it scores new leads now" : ": crm:model-promote " + v.id() + " makes it score new leads"));
        return null;
    }

    private static void print(String learner, ModelMetrics m, ModelMetrics raw, boolean kept) {
        System.out.printf(Locale.ROOT, "%n%s%s: AUC %.3f, log loss %.4f (base rate %.4f), Brier %.4f (uncalibrated %.4f), lift@10%% %.2f%n",
                learner, kept ? " (kept)" : "", m.auc(), m.logLoss(), m.baseLogLoss(), m.brier(), raw.brier(), m.liftAt10());
        System.out.println("  decile   rows  sales   rate   lift  cumulative gain");
        for (ModelMetrics.Decile d : m.deciles()) {
            System.out.printf(Locale.ROOT, "  %6d %6d %6d %5.1f%% %6.2f  %5.1f%%%n", d.decile(), d.rows(), d.positives(), 100 * d.rate(), d.lift(),
                    100 * d.cumulativeGain());
        }
        System.out.println("  calibration: predicted      rows  mean predicted  observed");
        for (ModelMetrics.ReliabilityBin b : m.reliability()) {
            if (b.rows() > 0) {
                System.out.printf(Locale.ROOT, "               %3.0f–%3.0f%%  %6d  %13.1f%%  %7.1f%%%n", 100 * b.from(), 100 * b.to(), b.rows(),
                        100 * b.meanPredicted(), 100 * b.observedRate());
            }
        }
        System.out.printf(Locale.ROOT, "  priority: A ≥ %.1f%%, B ≥ %.1f%%, C ≥ %.1f%%, D below%n", 100 * m.priorityCuts().get(2),
                100 * m.priorityCuts().get(1), 100 * m.priorityCuts().get(0));
    }
}
