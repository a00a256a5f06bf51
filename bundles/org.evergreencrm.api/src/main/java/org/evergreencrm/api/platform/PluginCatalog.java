package org.evergreencrm.api.platform;

import java.util.List;

import org.evergreencrm.api.security.Actor;

/** The plugins an admin may install and remove while Evergreen runs (through Karaf's FeaturesService). Admins only. */
@org.osgi.annotation.versioning.ProviderType
public interface PluginCatalog {
    /** Every Evergreen plugin known to the container, installed or not, by name. */
    List<Plugin> list(Actor actor);

    /** Installs the plugin (and what it needs); returns it as it is then. Unknown names are a validation error. */
    Plugin install(Actor actor, String name);

    /** Removes the plugin; the core keeps running. */
    Plugin uninstall(Actor actor, String name);
}
