/** Users, teams, roles and the acting user passed to every service call. */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.evergreencrm.api.security;
