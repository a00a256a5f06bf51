package org.evergreencrm.compliance.internal.shell;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.compliance.ComplianceService;
import org.evergreencrm.api.compliance.DncImport;
import org.evergreencrm.api.security.Actor;

@Command(scope = "crm", name = "dnc-import", description = "Import a do-not-call registry file (10-digit numbers, one per line) with progress")
@Service
public class DncImportCommand implements Action {
    @Reference
    ComplianceService compliance;

    @Option(name = "--list", description = "US (national registry, default) or US-XX (a state list)")
    String list = "US";

    @Option(name = "--background", description = "return at once; follow with crm:dnc-imports")
    boolean background;

    @Argument(index = 0, name = "file", required = true, description = "the file to import")
    String file;

    @Override
    public Object execute() throws Exception {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            System.err.println("cannot read " + path.toAbsolutePath());
            return null;
        }
        InputStream in = Files.newInputStream(path);
        DncImport job = compliance.startImport(Actor.system(), list, in, path.getFileName().toString());
        if (background) {
            System.out.println("import " + job.id() + " started into " + job.list());
            return null;
        }
        long lastPrint = 0;
        while (DncImport.RUNNING.equals(job.state())) {
            Thread.sleep(200);
            job = compliance.dncImport(job.id()).orElseThrow();
            if (System.currentTimeMillis() - lastPrint > 2000) {
                System.out.println(DncImportsCommand.describe(job));
                lastPrint = System.currentTimeMillis();
            }
        }
        System.out.println(DncImportsCommand.describe(job));
        job.errors().forEach(e -> System.out.println("  " + e));
        return null;
    }
}
