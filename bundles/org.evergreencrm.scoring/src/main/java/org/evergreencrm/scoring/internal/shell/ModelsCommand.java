package org.evergreencrm.scoring.internal.shell;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.scoring.ModelMetrics;
import org.evergreencrm.api.scoring.ModelVersion;
import org.evergreencrm.scoring.internal.registry.Registry;

@Command(scope = "crm", name = "models", description = "The model registry, newest first: state, learner, held-out AUC and Brier, who trained it and on what")
@Service
public class ModelsCommand implements Action {
    @Reference
    Registry registry;

    @Override
    public Object execute() {
        var all = registry.all();
        if (all.isEmpty()) {
            System.out.println("no models yet: crm:model-train --csv F --mapping M");
        }
        for (ModelVersion v : all) {
            ModelMetrics m = v.kept();
            System.out.printf(Locale.ROOT, "%4d  %-9s %-24s %-22s AUC %.3f  Brier %.4f  lift@10%% %.2f  %d rows  by %s at %s%n", v.id(), v.state(),
                    v.name(), v.algorithm(), m.auc(), m.brier(), m.liftAt10(), v.trainRows(), v.trainedBy(), v.trainedAt());
            System.out.println("      " + v.split() + "; window " + (v.windowFrom() == null ? "(no date column)" : v.windowFrom() + " … " + v.windowTo())
                    + "; features " + v.features() + "; from " + v.provenance());
        }
        return null;
    }
}
