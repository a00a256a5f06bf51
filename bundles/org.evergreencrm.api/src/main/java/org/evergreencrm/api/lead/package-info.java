/** Lead intake: leads from web forms, calls, referrals and providers, their records, dead letters and replay. */
@org.osgi.annotation.versioning.Version("3.3.0")
package org.evergreencrm.api.lead;
