/**
 * Narrow repositories, one per aggregate, implemented by the store bundle. They persist what the services
 * have already validated and authorized; call the services, not these, unless you are a service.
 */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.evergreencrm.api.store;
