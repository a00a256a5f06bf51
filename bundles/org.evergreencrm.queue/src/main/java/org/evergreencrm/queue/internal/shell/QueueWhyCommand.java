package org.evergreencrm.queue.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.compliance.DecisionRecord;
import org.evergreencrm.api.queue.CallAttempt;
import org.evergreencrm.api.queue.CallQueue;
import org.evergreencrm.api.queue.ContactQueueState;
import org.evergreencrm.api.queue.HistoryEvent;
import org.evergreencrm.api.queue.QueueEntry;
import org.evergreencrm.api.security.Actor;

@Command(scope = "crm", name = "queue-why", description = "A contact's queue state, history, attempts and compliance decisions: why was (or wasn't) it called")
@Service
public class QueueWhyCommand implements Action {
    @Reference
    CallQueue queue;

    @Argument(index = 0, name = "contactId", required = true)
    long contactId;

    @Override
    public Object execute() {
        ContactQueueState s = queue.state(Actor.system(), contactId);
        QueueEntry e = s.entry();
        System.out.println("contact " + e.contactId() + " " + e.status() + " in " + e.bucketName() + ", due " + e.dueAt()
                + ", calls " + e.attemptsTotal() + " (" + e.attemptsInBucket() + " in bucket)"
                + (e.finalState() == null ? "" : ", finished as " + e.finalState())
                + (e.blockedCode() == null ? "" : "\n  blocked: " + e.blockedReason()));
        System.out.println("history:");
        for (HistoryEvent h : s.history()) {
            System.out.println("  " + h.at() + " " + h.event() + " by " + h.actor() + (h.detail() == null ? "" : ": " + h.detail()));
        }
        System.out.println("attempts:");
        for (CallAttempt a : s.attempts()) {
            System.out.println("  #" + a.id() + " " + a.claimedAt() + " by " + a.username() + " → " + (a.outcome() == null ? "(in progress)" : a.outcome()));
        }
        System.out.println("compliance decisions (newest first):");
        for (DecisionRecord d : s.decisions()) {
            System.out.println("  " + d.decidedAt() + " " + (d.allowed() ? "ALLOWED" : "DENIED") + " for " + d.purpose() + ": " + d.reasons());
        }
        return null;
    }
}
