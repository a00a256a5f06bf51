package org.evergreencrm.compliance.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.compliance.ComplianceService;
import org.evergreencrm.api.compliance.DncImport;
import org.evergreencrm.api.compliance.DncList;

@Command(scope = "crm", name = "dnc-imports", description = "Registry lists loaded and the progress of DNC imports")
@Service
public class DncImportsCommand implements Action {
    @Reference
    ComplianceService compliance;

    @Override
    public Object execute() {
        for (DncList l : compliance.lists()) {
            System.out.printf("%-6s %,12d numbers  %s  (last import %s by %s)%n", l.code(), l.numbers(), l.description(),
                    l.importedAt(), l.importedBy());
        }
        for (DncImport i : compliance.dncImports()) {
            System.out.println(describe(i));
        }
        return null;
    }

    static String describe(DncImport i) {
        return String.format("import %d into %s: %s, %,d lines read, %,d numbers added, %,d rejected", i.id(), i.list(),
                i.state(), i.read(), i.added(), i.rejected());
    }
}
