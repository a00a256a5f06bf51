package org.evergreencrm.leads.internal.shell;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.lead.LeadRouting;
import org.evergreencrm.api.lead.RepAvailability;
import org.evergreencrm.api.security.Actor;

@Command(scope = "crm", name = "rep-availability", description = "Set when a rep takes new leads: working hours and leave (replaces what was set)")
@Service
public class RepAvailabilityCommand implements Action {
    @Reference
    LeadRouting routing;

    @Argument(index = 0, name = "username", required = true)
    String username;

    @Option(name = "--hours", description = "working hours, e.g. \"Mon-Fri 08:00-17:00 America/New_York\" (omit: any time)")
    String hours;

    @Option(name = "--leave-from", description = "leave starts (ISO instant, or a date: from its start in UTC)")
    String leaveFrom;

    @Option(name = "--leave-until", description = "leave ends (ISO instant, or a date: at its start in UTC)")
    String leaveUntil;

    @Option(name = "--note", description = "why (shown in assignment reasons)")
    String note;

    @Override
    public Object execute() {
        RepAvailability a = routing.setAvailability(Actor.system(), username, hours, instant(leaveFrom, "leaveFrom"),
                instant(leaveUntil, "leaveUntil"), note);
        System.out.println(a.username() + ": " + (a.availableNow() ? "available now" : "away now (" + a.why() + ")") + "; hours "
                + (a.workingHours() == null ? "any time" : a.workingHours()) + (a.leaveFrom() == null && a.leaveUntil() == null ? ""
                        : "; leave " + a.leaveFrom() + " – " + a.leaveUntil()));
        return null;
    }

    private static Instant instant(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneId.of("UTC")).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "not a date (2026-12-24) or an instant (2026-12-24T17:00:00Z): " + text);
        }
    }
}
