package org.evergreencrm.api.contact;

import org.evergreencrm.api.security.Actor;

/**
 * A temporary right to read one contact that another part of the CRM grants beyond the owner/team/role rule — the
 * call queue grants it to the rep who holds a claim on the contact, for as long as the claim is held. The contact
 * service asks every registered grant before it refuses a read; a grant never allows a change.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface ContactAccessGrant {
    /** Whether {@code actor} may read contact {@code contactId} now although the owner rule does not let them. */
    boolean grantsRead(Actor actor, long contactId);
}
