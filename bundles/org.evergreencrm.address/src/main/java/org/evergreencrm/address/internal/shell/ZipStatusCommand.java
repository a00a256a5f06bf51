package org.evergreencrm.address.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.address.AddressService;
import org.evergreencrm.api.address.ZipDirectory;
import org.evergreencrm.api.address.ZipImport;
import org.evergreencrm.api.security.Actor;

@Command(scope = "crm", name = "zip-status", description = "What the ZIP directory knows, and its imports")
@Service
public class ZipStatusCommand implements Action {
    @Reference
    AddressService addresses;

    @Option(name = "--refusals", description = "list every refused row kept with each import")
    boolean refusals;

    @Override
    public Object execute() {
        ZipDirectory.ZipDataStatus s = addresses.zipStatus();
        System.out.println(s.message() + (s.source() == null ? "" : " (from " + s.source() + ", " + s.importedAt() + ")"));
        for (ZipImport i : addresses.zipImports(Actor.system())) {
            System.out.println(describe(i));
            if (refusals) {
                i.refusals().forEach(r -> System.out.println("  refused " + r));
            }
        }
        return null;
    }

    static String describe(ZipImport i) {
        return "import " + i.id() + " " + i.state() + " from " + i.source() + ": " + i.rowsRead() + " rows, "
                + i.zipsStored() + " ZIPs stored, " + i.rowsRefused() + " refused" + (i.message() == null ? "" : " — " + i.message());
    }
}
