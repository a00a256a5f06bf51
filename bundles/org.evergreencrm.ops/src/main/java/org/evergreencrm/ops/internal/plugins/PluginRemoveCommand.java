package org.evergreencrm.ops.internal.plugins;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.platform.PluginCatalog;
import org.evergreencrm.api.security.Actor;

@Service
@Command(scope = "crm", name = "plugin-remove", description = "Remove an Evergreen plugin live")
public final class PluginRemoveCommand implements Action {
    @Reference
    PluginCatalog catalog;
    @Argument(required = true, description = "the plugin's feature name")
    String name;

    @Override
    public Object execute() {
        PluginCommands.print(catalog.uninstall(Actor.system(), name));
        return null;
    }
}
