package org.evergreencrm.queue.internal.shell;

import java.time.Instant;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.queue.CallOutcome;
import org.evergreencrm.api.queue.CallQueue;
import org.evergreencrm.api.queue.OutcomeReport;
import org.evergreencrm.api.queue.OutcomeResult;
import org.evergreencrm.api.security.UserService;

@Command(scope = "crm", name = "queue-result", description = "Record a call's outcome: NO_ANSWER, BUSY, VOICEMAIL, NOT_INTERESTED, CALLBACK, APPOINTMENT_SET, WRONG_NUMBER, DO_NOT_CALL, NOT_DIALED")
@Service
public class QueueResultCommand implements Action {
    @Reference
    CallQueue queue;

    @Reference
    UserService users;

    @Option(name = "--as", description = "record as this user (default: the system)")
    String as;

    @Option(name = "--callback", description = "callback time for CALLBACK, ISO-8601 (2026-11-26T15:00:00Z)")
    String callback;

    @Option(name = "--note")
    String note;

    @Argument(index = 0, name = "attemptId", required = true)
    long attemptId;

    @Argument(index = 1, name = "outcome", required = true)
    String outcome;

    @Override
    public Object execute() {
        OutcomeResult r = queue.record(Actors.of(users, as), attemptId, new OutcomeReport(
                CallOutcome.valueOf(outcome.toUpperCase(Locale.ROOT)), callback == null ? null : Instant.parse(callback), note));
        System.out.println("contact " + r.contactId() + ": " + r.detail() + (r.dueAt() == null ? "" : "; next due " + r.dueAt()));
        return null;
    }
}
