package org.evergreencrm.address.internal.shell;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.address.AddressService;
import org.evergreencrm.api.address.ZipImport;
import org.evergreencrm.api.security.Actor;

@Command(scope = "crm", name = "zip-import", description = "Import GeoNames US postal data (US.txt, or .gz) into the ZIP directory, with progress")
@Service
public class ZipImportCommand implements Action {
    @Reference
    AddressService addresses;

    @Argument(index = 0, name = "file", required = true, description = "the GeoNames file")
    String file;

    @Override
    public Object execute() throws Exception {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            System.err.println("cannot read " + path.toAbsolutePath());
            return null;
        }
        long[] last = {System.currentTimeMillis()};
        ZipImport done;
        try (InputStream in = Files.newInputStream(path)) {
            done = addresses.importZips(Actor.system(), path.toString(), in, n -> {
                if (System.currentTimeMillis() - last[0] > 1000) {
                    System.out.println("  " + n + " rows read");
                    last[0] = System.currentTimeMillis();
                }
            });
        }
        System.out.println(ZipStatusCommand.describe(done));
        done.refusals().stream().limit(20).forEach(r -> System.out.println("  refused " + r));
        if (done.refusals().size() > 20) {
            System.out.println("  ... " + (done.rowsRefused() - 20) + " more refusals (crm:zip-status --refusals)");
        }
        return null;
    }
}
