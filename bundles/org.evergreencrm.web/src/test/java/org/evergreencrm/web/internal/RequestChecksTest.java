package org.evergreencrm.web.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestChecksTest {
    @Test
    void ordinaryPathsPass() {
        assertNull(RequestChecks.badPath("/api/v1/contacts/12"));
        assertNull(RequestChecks.badPath("/intake/forms/demo"));
        assertNull(RequestChecks.badPath("/api/v1/compliance/numbers/%2B18135550101"));
        assertNull(RequestChecks.badPath("/docs/ui/swagger-ui.css"));
        assertNull(RequestChecks.badPath("/api/v1/contacts/..json"));
    }

    @Test
    void pathsThatCouldReachAnotherServletAreRefused() {
        assertNotNull(RequestChecks.badPath("/intake/forms/..%2F..%2Fapi/"));
        assertNotNull(RequestChecks.badPath("/intake/forms/%2e%2e/api/v1"));
        assertNotNull(RequestChecks.badPath("/intake/../api/v1"));
        assertNotNull(RequestChecks.badPath("/intake/..;/api/v1"));
        assertNotNull(RequestChecks.badPath("/a%5cb"));
    }

    @Test
    void controlCharactersAreRefused() {
        assertNotNull(RequestChecks.badPath("/api/v1/contacts/%00"));
        assertNotNull(RequestChecks.badPath("/api/v1/contacts/\u0001"));
    }

    @Test
    void problemDocumentsAreJsonAndBounded() {
        String json = ProblemJson.of(400, "x".repeat(10_000) + "\"<b>", "path");
        assertTrue(json.length() < 1_000, "the detail is cut");
        assertTrue(json.startsWith("{\"type\":\"about:blank\",\"title\":\"Bad request\",\"status\":400"));
        assertTrue(ProblemJson.of(431, null, null).contains("\"status\":431"));
    }
}
