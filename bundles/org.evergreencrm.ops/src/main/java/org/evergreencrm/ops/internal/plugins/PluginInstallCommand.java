package org.evergreencrm.ops.internal.plugins;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.platform.PluginCatalog;
import org.evergreencrm.api.security.Actor;

@Service
@Command(scope = "crm", name = "plugin-install", description = "Install an Evergreen plugin live")
public final class PluginInstallCommand implements Action {
    @Reference
    PluginCatalog catalog;
    @Argument(required = true, description = "the plugin's feature name, e.g. evergreen-sample-leadfeed")
    String name;

    @Override
    public Object execute() {
        PluginCommands.print(catalog.install(Actor.system(), name));
        return null;
    }
}
