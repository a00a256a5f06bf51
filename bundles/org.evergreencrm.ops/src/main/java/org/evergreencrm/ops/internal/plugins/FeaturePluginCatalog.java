package org.evergreencrm.ops.internal.plugins;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.evergreencrm.api.AccessDeniedException;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.platform.Plugin;
import org.evergreencrm.api.platform.PluginCatalog;
import org.evergreencrm.api.security.Actor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evergreen plugins are the {@code evergreen-*} features that are not the platform itself; they are installed and
 * removed through Karaf's FeaturesService without refreshing other bundles, so the core keeps running.
 */
@Component(service = PluginCatalog.class)
public final class FeaturePluginCatalog implements PluginCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(FeaturePluginCatalog.class);
    static final Set<String> PLATFORM = Set.of("evergreen-thirdparty", "evergreen-api", "evergreen-store", "evergreen-core");
    private final FeaturesService features;

    @Activate
    public FeaturePluginCatalog(@Reference FeaturesService features) {
        this.features = features;
    }

    @Override
    public List<Plugin> list(Actor actor) {
        requireAdmin(actor);
        Map<String, Plugin> byName = new LinkedHashMap<>();
        try {
            for (Feature f : features.listFeatures()) {
                if (isPlugin(f.getName())) {
                    Plugin p = new Plugin(f.getName(), f.getVersion(), f.getDescription() == null ? "" : f.getDescription(),
                            features.isInstalled(f));
                    byName.merge(f.getName(), p, (a, b) -> b.installed() ? b : a);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("the feature repositories could not be read: " + e.getMessage(), e);
        }
        List<Plugin> all = new ArrayList<>(byName.values());
        all.sort(Comparator.comparing(Plugin::name));
        return all;
    }

    @Override
    public Plugin install(Actor actor, String name) {
        Plugin p = known(actor, name);
        if (!p.installed()) {
            try {
                features.installFeature(p.name(), p.version(), EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            } catch (Exception e) {
                throw new ValidationException("name", p.name() + " could not be installed: " + e.getMessage());
            }
            LOG.info("{} installed plugin {} {}", actor.username(), p.name(), p.version());
        }
        return known(actor, name);
    }

    @Override
    public Plugin uninstall(Actor actor, String name) {
        Plugin p = known(actor, name);
        if (p.installed()) {
            try {
                features.uninstallFeature(p.name(), p.version(), EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            } catch (Exception e) {
                throw new ValidationException("name", p.name() + " could not be removed: " + e.getMessage());
            }
            LOG.info("{} removed plugin {} {}", actor.username(), p.name(), p.version());
        }
        return known(actor, name);
    }

    private Plugin known(Actor actor, String name) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("name", "name the plugin (its feature name)");
        }
        return list(actor).stream().filter(p -> p.name().equals(name.trim())).findFirst()
                .orElseThrow(() -> new ValidationException("name", "no Evergreen plugin is called '" + name.trim()
                        + "'; the plugins are: " + String.join(", ", list(actor).stream().map(Plugin::name).toList())));
    }

    static boolean isPlugin(String name) {
        return name != null && name.startsWith("evergreen-") && !PLATFORM.contains(name);
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new AccessDeniedException("only admins install and remove plugins");
        }
    }
}
