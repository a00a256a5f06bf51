/**
 * Addresses: the standardized US address (components, analysis and metadata named as in SmartyStreets' US Street
 * API, so the offline path and the real service speak alike), the parser, the ZIP directory (the one geocoder) and
 * the address service. Provided by the {@code org.evergreencrm.address} bundle; absent when it is not installed.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.evergreencrm.api.address;
