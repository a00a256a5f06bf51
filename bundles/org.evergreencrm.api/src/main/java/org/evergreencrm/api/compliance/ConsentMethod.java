package org.evergreencrm.api.compliance;

/** How the consent or revocation reached us: revocation is accepted by any reasonable means (FCC 24-24). */
public enum ConsentMethod {
    CALL, TEXT_STOP, EMAIL, WEB, IN_PERSON, LETTER, IMPORT, OTHER
}
