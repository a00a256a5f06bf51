/** Duplicate detection: the record compared, the explained result, the address normalizer SPI. */
@org.osgi.annotation.versioning.Version("1.5.0")
package org.evergreencrm.api.dedup;
