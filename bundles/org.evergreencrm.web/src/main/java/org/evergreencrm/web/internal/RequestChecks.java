package org.evergreencrm.web.internal;

import java.util.Locale;

/**
 * What a request line may not carry, checked on the raw (undecoded) URI before any servlet sees it: NUL and other
 * control characters, encoded slashes and backslashes, and dot segments, which would let one servlet's path reach
 * another's ({@code /intake/forms/..%2F..%2Fapi/}).
 */
final class RequestChecks {
    private RequestChecks() {
    }

    /** Why the raw path is refused, or {@code null} when it is fine. */
    static String badPath(String rawUri) {
        if (rawUri == null) {
            return null;
        }
        String lower = rawUri.toLowerCase(Locale.ROOT);
        if (lower.contains("%00") || rawUri.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            return "the path contains a control character";
        }
        if (lower.contains("%2f") || lower.contains("%5c") || rawUri.indexOf('\\') >= 0) {
            return "the path contains an encoded slash or a backslash";
        }
        String decodedDots = lower.replace("%2e", ".");
        for (String segment : decodedDots.split("/", -1)) {
            String s = segment.contains(";") ? segment.substring(0, segment.indexOf(';')) : segment;
            if (s.equals(".") || s.equals("..")) {
                return "the path contains a dot segment";
            }
        }
        return null;
    }
}
