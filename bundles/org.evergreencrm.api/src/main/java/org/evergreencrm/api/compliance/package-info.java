/** Calling compliance: DNC lists, consent and revocation records, calling windows, the decision log. */
@org.osgi.annotation.versioning.Version("2.0.0")
package org.evergreencrm.api.compliance;
