package org.evergreencrm.leads.internal.routing;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.evergreencrm.api.ValidationException;

/**
 * When a rep works, in their own time zone: {@code "Mon-Fri 08:00-17:00 America/New_York"}, several spans with
 * {@code ;} ({@code "Mon-Thu 08:00-17:00; Fri 08:00-12:00 America/Chicago"}). Days are Mon…Sun, single or as a
 * range; a span may end after midnight ({@code 22:00-02:00} runs into the next day).
 */
public record WorkingHours(List<Span> spans, ZoneId zone) {
    /** Days and times of one span. */
    public record Span(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
    }

    private static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    /** @throws ValidationException on field {@code workingHours} when the text cannot be read */
    public static WorkingHours parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("workingHours", "e.g. \"Mon-Fri 08:00-17:00 America/New_York\"");
        }
        String t = text.trim();
        int lastSpace = t.lastIndexOf(' ');
        if (lastSpace < 0) {
            throw new ValidationException("workingHours", "days, hours and a time zone, e.g. \"Mon-Fri 08:00-17:00 America/New_York\"");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(t.substring(lastSpace + 1));
        } catch (DateTimeException e) {
            throw new ValidationException("workingHours", "unknown time zone \"" + t.substring(lastSpace + 1) + "\" (use a region like America/Chicago)");
        }
        List<Span> spans = new ArrayList<>();
        for (String part : t.substring(0, lastSpace).split(";")) {
            String[] dh = part.trim().split("\\s+");
            if (dh.length != 2) {
                throw new ValidationException("workingHours", "\"" + part.trim() + "\" is not \"Mon-Fri 08:00-17:00\"");
            }
            spans.add(new Span(days(dh[0]), time(dh[1], 0), time(dh[1], 1)));
        }
        return new WorkingHours(List.copyOf(spans), zone);
    }

    private static Set<DayOfWeek> days(String s) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String part : s.split(",")) {
            String[] range = part.split("-");
            int from = day(range[0]);
            int to = range.length > 1 ? day(range[1]) : from;
            for (int d = from;; d = (d + 1) % 7) {
                out.add(DayOfWeek.of(d + 1));
                if (d == to) {
                    break;
                }
            }
        }
        return out;
    }

    private static int day(String s) {
        String key = s.trim().toUpperCase(Locale.ROOT);
        int i = key.length() >= 3 ? DAYS.indexOf(key.substring(0, 3)) : -1;
        if (i < 0) {
            throw new ValidationException("workingHours", "\"" + s + "\" is not a day (Mon, Tue, … Sun)");
        }
        return i;
    }

    private static LocalTime time(String range, int which) {
        String[] parts = range.split("-");
        if (parts.length != 2) {
            throw new ValidationException("workingHours", "\"" + range + "\" is not a time range like 08:00-17:00");
        }
        try {
            return LocalTime.parse(parts[which].length() == 4 ? "0" + parts[which] : parts[which]);
        } catch (DateTimeParseException e) {
            throw new ValidationException("workingHours", "\"" + parts[which] + "\" is not a time (HH:mm)");
        }
    }

    /** Whether {@code at} falls in a span, in the rep's zone. */
    public boolean contains(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        for (Span s : spans) {
            boolean overnight = s.to().isBefore(s.from()) || s.to().equals(s.from());
            if (!overnight) {
                if (s.days().contains(local.getDayOfWeek()) && !time.isBefore(s.from()) && time.isBefore(s.to())) {
                    return true;
                }
            } else if (s.days().contains(local.getDayOfWeek()) && !time.isBefore(s.from())
                    || s.days().contains(local.getDayOfWeek().minus(1)) && time.isBefore(s.to())) {
                return true;
            }
        }
        return false;
    }

    /** The canonical text, as {@link #parse} reads it. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Span s : spans) {
            if (b.length() > 0) {
                b.append("; ");
            }
            List<String> names = s.days().stream().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).toList();
            b.append(String.join(",", names)).append(' ').append(s.from()).append('-').append(s.to());
        }
        return b.append(' ').append(zone.getId()).toString();
    }
}
