package org.evergreencrm.api.store;

/**
 * Published by the store, one per bundle that names a changelog in its {@value #HEADER} manifest header, once that
 * changelog is applied. A component that uses the bundle's tables references it with a target filter on
 * {@value #BUNDLE_PROPERTY}, so it starts only when its schema is there and stops when the bundle's schema is withdrawn:
 *
 * <pre>
 * &#64;Reference(target = "(evergreen.schema=org.example.roofing)") SchemaReady schema
 * </pre>
 *
 * See docs/writing-plugins.md.
 */
@org.osgi.annotation.versioning.ProviderType
public interface SchemaReady {
    /** Manifest header naming the bundle's Liquibase changelog, e.g. {@code db/roofing/changelog.xml}. */
    String HEADER = "Evergreen-Schema";

    /** Service property: the symbolic name of the bundle whose schema is applied. */
    String BUNDLE_PROPERTY = "evergreen.schema";

    /** Symbolic name of the bundle whose changelog was applied. */
    String bundle();

    /** The changelog's path inside that bundle. */
    String changelog();
}
