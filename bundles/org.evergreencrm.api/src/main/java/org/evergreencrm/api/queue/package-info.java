/** The call queue: contact buckets, transitions by call outcome, claims with leases, stats and history. */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.evergreencrm.api.queue;
