package org.evergreencrm.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.demo.DemoDataService;

@Command(scope = "crm", name = "demo-data", description = "Add a demo team (maria, rick, rita) and N demo contacts")
@Service
public class DemoDataCommand implements Action {
    @Reference
    DemoDataService demo;

    @Argument(index = 0, name = "contacts", description = "how many contacts to add", required = true)
    int contacts;

    @Override
    public Object execute() {
        long start = System.nanoTime();
        DemoDataService.Result result = demo.generate(contacts, n -> System.out.printf("\r  %d/%d contacts", n, contacts));
        System.out.printf("%nCreated %d users and %d contacts in %.1f s. Demo users' password: %s%n",
                result.usersCreated(), result.contactsCreated(), (System.nanoTime() - start) / 1e9,
                DemoDataService.DEMO_PASSWORD);
        return null;
    }
}
