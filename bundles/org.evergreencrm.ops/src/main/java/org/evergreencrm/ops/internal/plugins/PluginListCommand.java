package org.evergreencrm.ops.internal.plugins;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.platform.PluginCatalog;
import org.evergreencrm.api.security.Actor;

@Service
@Command(scope = "crm", name = "plugin-list", description = "Evergreen plugins (features) and whether they are installed")
public final class PluginListCommand implements Action {
    @Reference
    PluginCatalog catalog;

    @Override
    public Object execute() {
        catalog.list(Actor.system()).forEach(PluginCommands::print);
        return null;
    }
}
