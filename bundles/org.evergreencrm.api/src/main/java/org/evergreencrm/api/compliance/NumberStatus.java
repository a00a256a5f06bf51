package org.evergreencrm.api.compliance;

import java.util.List;

/**
 * Everything known about one number: the registry lists it is on, the consent/revocation records, and the
 * resulting flags (the most restrictive record wins).
 */
public record NumberStatus(String phone, List<String> registryLists, List<ConsentRecord> records, boolean doNotCall,
        boolean doNotText, Decision callNow) {
}
