package org.evergreencrm.timeline.internal.shell;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.api.timeline.Activity;
import org.evergreencrm.api.timeline.TimelinePage;
import org.evergreencrm.api.timeline.TimelineQuery;
import org.evergreencrm.api.timeline.TimelineService;

@Command(scope = "crm", name = "timeline", description = "A contact's timeline, newest first: leads, assignments, calls, compliance, merges, notes, tasks")
@Service
public class TimelineCommand implements Action {
    @Reference
    TimelineService timeline;
    @Reference
    UserService users;

    @Option(name = "--as", description = "read as this user (default: the system)")
    String as;
    @Option(name = "--kind", description = "only these kinds, comma separated (e.g. NOTE,CALL_OUTCOME)")
    String kinds;
    @Option(name = "--limit", description = "entries per page (1-200)")
    int limit = 50;
    @Option(name = "--cursor", description = "the cursor printed under the previous page")
    String cursor;
    @Argument(index = 0, name = "contactId", required = true)
    long contactId;

    @Override
    public Object execute() {
        Set<String> only = kinds == null ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(kinds.toUpperCase(Locale.ROOT).split("\\s*,\\s*")));
        TimelinePage page = timeline.timeline(users.actorFor(as), contactId, new TimelineQuery(only, null, null, cursor, limit));
        if (page.items().isEmpty()) {
            System.out.println("nothing on the timeline of contact " + contactId);
        }
        for (Activity a : page.items()) {
            System.out.printf("%-24s %-18s %-10s %s%n", a.at(), a.kind(), a.actor(), a.summary());
        }
        if (page.next() != null) {
            System.out.println("more: crm:timeline --cursor " + page.next() + " " + contactId);
        }
        return null;
    }
}
