package org.evergreencrm.dedup.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.contact.Contact;
import org.evergreencrm.api.dedup.MergeService;
import org.evergreencrm.api.security.Actor;

@Command(scope = "crm", name = "dedup-undo", description = "Undo a merge: both contacts back exactly as they were")
@Service
public class DedupUndoCommand implements Action {
    @Reference
    MergeService merges;

    @Argument(index = 0, name = "merge", required = true)
    long merge;

    @Override
    public Object execute() {
        Contact restored = merges.undo(Actor.system(), merge);
        System.out.println("Merge " + merge + " undone; contact " + restored.id() + " (" + restored.displayName() + ") is back");
        return null;
    }
}
