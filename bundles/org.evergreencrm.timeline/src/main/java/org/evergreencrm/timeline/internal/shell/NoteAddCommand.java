package org.evergreencrm.timeline.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.api.timeline.Note;
import org.evergreencrm.api.timeline.TimelineService;

@Command(scope = "crm", name = "note-add", description = "Add a note to a contact; @username mentions a user")
@Service
public class NoteAddCommand implements Action {
    @Reference
    TimelineService timeline;
    @Reference
    UserService users;

    @Option(name = "--as", description = "write as this user (default: the system)")
    String as;
    @Argument(index = 0, name = "contactId", required = true)
    long contactId;
    @Argument(index = 1, name = "text", required = true, multiValued = true)
    List<String> text;

    @Override
    public Object execute() {
        Note n = timeline.addNote(users.actorFor(as), contactId, String.join(" ", text));
        System.out.println("Note " + n.id() + " on contact " + contactId + (n.mentions().isEmpty() ? "" : ", mentions " + n.mentions()));
        return null;
    }
}
