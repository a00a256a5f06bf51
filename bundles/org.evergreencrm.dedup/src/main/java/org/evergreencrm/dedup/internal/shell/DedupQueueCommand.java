package org.evergreencrm.dedup.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.evergreencrm.api.dedup.CandidatePair;
import org.evergreencrm.api.store.DedupRepository;

@Command(scope = "crm", name = "dedup-queue", description = "The review queue of likely duplicate pairs")
@Service
public class DedupQueueCommand implements Action {
    @Reference
    DedupRepository queue;

    @Option(name = "-n", aliases = "--limit")
    int limit = 20;

    @Option(name = "-v", aliases = "--explain", description = "show the field-by-field explanation")
    boolean explain;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Pair").alignRight();
        table.column("Contact A").alignRight();
        table.column("Contact B").alignRight();
        table.column("Probability").alignRight();
        if (explain) {
            table.column("Explanation");
        }
        for (CandidatePair p : queue.pending(limit)) {
            org.apache.karaf.shell.support.table.Row row = table.addRow();
            row.addContent(p.id(), p.contactA(), p.contactB(), String.format("%.4f", p.probability()));
            if (explain) {
                row.addContent(p.explanation());
            }
        }
        table.print(System.out);
        System.out.println("merge: crm:dedup-merge --pair <Pair>; not duplicates: crm:dedup-reject <Pair>");
        return null;
    }
}
