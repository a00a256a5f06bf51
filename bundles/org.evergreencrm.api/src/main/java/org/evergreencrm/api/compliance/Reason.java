package org.evergreencrm.api.compliance;

/**
 * One reason behind a decision. Codes: {@code INTERNAL_DNC}, {@code REGISTRY_DNC}, {@code OUTSIDE_CALLING_HOURS},
 * {@code STATE_CALL_LIMIT}, {@code INVALID_PHONE}, {@code CONSENT} (an allow reason), {@code WITHIN_CALLING_HOURS}.
 */
public record Reason(String code, String message) {
}
