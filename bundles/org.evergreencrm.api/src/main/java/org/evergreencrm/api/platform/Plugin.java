package org.evergreencrm.api.platform;

/**
 * An Evergreen plugin: a Karaf feature of the Evergreen repository that is not part of the core.
 *
 * @param name the feature name, e.g. {@code evergreen-sample-leadfeed}
 * @param version the feature version
 * @param description what it adds
 * @param installed whether it is installed now
 */
public record Plugin(String name, String version, String description, boolean installed) {
}
