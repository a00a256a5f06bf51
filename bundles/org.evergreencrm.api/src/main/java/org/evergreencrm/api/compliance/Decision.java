package org.evergreencrm.api.compliance;

import java.time.Instant;
import java.util.List;

/**
 * Whether a call may be placed now, and why (or why not).
 *
 * @param reasons every rule that denied the call; for an allowed call, what was checked
 * @param retryAt the earliest time the call may become allowed without anything else changing (calling hours,
 *        call limits); {@code null} when only a change of records can allow it (DNC, revocation)
 * @param zones the time zones the person may be in (from the address and the area code); a call must be within
 *        the calling window in all of them
 */
public record Decision(boolean allowed, List<Reason> reasons, Instant retryAt, List<String> zones, Instant decidedAt) {
    /** The reasons as one line: {@code CODE: message; CODE: message}. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        for (Reason r : reasons) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(r.code()).append(": ").append(r.message());
        }
        return b.toString();
    }

    /** The first denying reason's code, or {@code null} when allowed. */
    public String code() {
        return allowed || reasons.isEmpty() ? null : reasons.get(0).code();
    }
}
