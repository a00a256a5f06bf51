/** The platform scheduler: recurring tasks registered as services, run once per cluster on the Evergreen database. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.evergreencrm.api.schedule;
