/** The contact/lead aggregate: values, queries, the service and its domain events. */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.evergreencrm.api.contact;
