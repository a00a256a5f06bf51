package org.evergreencrm.scoring.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.scoring.ScoringService;
import org.evergreencrm.api.scoring.TrainingJob;
import org.evergreencrm.api.security.Actor;

/** The training runs started through REST or the console, newest first, with their progress and outcome. */
@Command(scope = "crm", name = "model-jobs", description = "Training runs started by upload (REST, console), newest first: state, percentage, step, figures or error, the model made")
@Service
public class ModelJobsCommand implements Action {
    @Reference
    ScoringService scoring;

    @Override
    public Object execute() {
        List<TrainingJob> jobs = scoring.jobs(Actor.system());
        if (jobs.isEmpty()) {
            System.out.println("no training runs by upload yet (POST /api/v1/scoring/trainings or the console's model page)");
        }
        for (TrainingJob j : jobs) {
            System.out.printf("%4d  %-8s %3d%%  %-24s by %s at %s%s%n", j.id(), j.state(), j.percent(), j.name(), j.startedBy(), j.startedAt(),
                    j.modelId() == null ? "" : "  -> model " + j.modelId());
            System.out.println("      " + j.step() + (j.message() == null ? "" : ": " + j.message()));
        }
        return null;
    }
}
