package org.evergreencrm.api.compliance;

/** A consent given (e.g. prior express written consent) or revoked (an internal do-not-call / do-not-text request). */
public enum ConsentKind {
    GRANT, REVOKE
}
