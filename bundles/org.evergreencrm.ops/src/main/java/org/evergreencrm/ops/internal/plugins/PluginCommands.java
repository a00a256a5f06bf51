package org.evergreencrm.ops.internal.plugins;

import org.evergreencrm.api.platform.Plugin;

/** How the {@code crm:plugin-*} commands print a plugin. */
final class PluginCommands {
    private PluginCommands() {
    }

    static void print(Plugin p) {
        System.out.printf("%-34s %-16s %-10s %s%n", p.name(), p.version(), p.installed() ? "installed" : "-", p.description());
    }
}
