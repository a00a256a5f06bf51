package org.evergreencrm.compliance.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evergreencrm.api.compliance.Channel;
import org.evergreencrm.api.compliance.ComplianceService;
import org.evergreencrm.api.compliance.ConsentDraft;
import org.evergreencrm.api.compliance.ConsentKind;
import org.evergreencrm.api.compliance.ConsentMethod;
import org.evergreencrm.api.compliance.ConsentRecord;
import org.evergreencrm.api.security.Actor;

@Command(scope = "crm", name = "dnc-add", description = "Record a do-not-call / do-not-text request (or, with --grant, a consent) for a number")
@Service
public class ConsentRecordCommand implements Action {
    @Reference
    ComplianceService compliance;

    @Option(name = "--text", description = "about text messages (do-not-text) instead of calls")
    boolean text;

    @Option(name = "--grant", description = "record a consent instead of a revocation")
    boolean grant;

    @Option(name = "--method", description = "how it reached us: CALL, TEXT_STOP, EMAIL, WEB, IN_PERSON, LETTER, IMPORT, OTHER")
    String method = "OTHER";

    @Option(name = "--contact", description = "the contact it concerns")
    Long contactId;

    @Option(name = "--note")
    String note;

    @Argument(index = 0, name = "phone", required = true)
    String phone;

    @Override
    public Object execute() {
        ConsentRecord r = compliance.record(Actor.system(), new ConsentDraft(contactId, phone,
                text ? Channel.TEXT : Channel.CALL, grant ? ConsentKind.GRANT : ConsentKind.REVOKE,
                ConsentMethod.valueOf(method.toUpperCase(java.util.Locale.ROOT)), null, null, note));
        System.out.println("recorded #" + r.id() + ": " + r.kind() + " " + r.channel() + " for " + r.phone()
                + ", effective " + r.effectiveAt() + (r.honorBy() == null ? "" : ", to be honoured by " + r.honorBy()));
        return null;
    }
}
