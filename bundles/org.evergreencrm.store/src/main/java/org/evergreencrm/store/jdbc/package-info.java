/** JDBC helpers for the bundles whose hot paths use plain SQL on the Evergreen schema (see docs/architecture.md). */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.evergreencrm.store.jdbc;
