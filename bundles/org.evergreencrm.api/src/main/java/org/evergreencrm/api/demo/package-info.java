/** Demo data for trying Evergreen out. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.evergreencrm.api.demo;
