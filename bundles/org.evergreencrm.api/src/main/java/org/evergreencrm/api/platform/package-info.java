/** The running platform: the plugins (Evergreen features) an admin installs and removes live. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.evergreencrm.api.platform;
