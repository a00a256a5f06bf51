/** Evergreen CRM API: errors and paging shared by every service. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.evergreencrm.api;
