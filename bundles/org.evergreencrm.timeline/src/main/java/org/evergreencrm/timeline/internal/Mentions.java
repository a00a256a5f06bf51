package org.evergreencrm.timeline.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code @username} in a note's text; only names of users who exist count (an e-mail address is not a mention). */
final class Mentions {
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}._%+-])@([A-Za-z0-9][A-Za-z0-9._-]{0,63})");

    private Mentions() {
    }

    static List<String> of(String text, Predicate<String> isUser) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            while (name.endsWith(".") || name.endsWith("-")) { // "@rick." at the end of a sentence
                name = name.substring(0, name.length() - 1);
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (!out.contains(lower) && isUser.test(lower)) {
                out.add(lower);
            }
        }
        return List.copyOf(out);
    }
}
