package org.evergreencrm.scoring.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.CrmException;
import org.evergreencrm.api.scoring.ModelVersion;
import org.evergreencrm.scoring.internal.registry.Registry;

@Command(scope = "crm", name = "model-promote", description = "Make a model of the registry score new leads (or --rollback to the one before)")
@Service
public class ModelPromoteCommand implements Action {
    @Reference
    Registry registry;

    @Argument(index = 0, name = "id", description = "the model's id (crm:models)")
    Long id;

    @Option(name = "--rollback", description = "go back to the model active before the current one")
    boolean rollback;

    @Override
    public Object execute() {
        try {
            if (rollback == (id != null)) {
                System.out.println("give a model id, or --rollback");
                return null;
            }
            ModelVersion v = rollback ? registry.rollback() : registry.promote(id);
            System.out.println("model " + v.id() + " (" + v.name() + ", " + v.algorithm() + ") is " + v.state() + ": it scores new leads");
        } catch (CrmException e) {
            System.out.println("refused: " + e.getMessage());
        }
        return null;
    }
}
