package org.evergreencrm.rest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.core.Response;

import org.evergreencrm.api.ConflictException;
import org.evergreencrm.api.FieldError;
import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.contact.ContactDraft;
import org.evergreencrm.rest.internal.dto.Problem;
import org.evergreencrm.rest.internal.problem.CrmExceptionMapper;
import org.evergreencrm.rest.internal.problem.JsonExceptionMapper;
import org.evergreencrm.rest.internal.problem.WebApplicationExceptionMapper;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** How requests are read and errors are answered, without a server. */
class RestMappingTest {
    private final ObjectMapper json = JsonMapper.create();

    @Test
    void parsesBasicCredentials() {
        String header = "Basic " + Base64.getEncoder().encodeToString("rick:pa:ss wörd".getBytes(StandardCharsets.UTF_8));
        Credentials c = Credentials.fromBasic(header).orElseThrow();
        assertEquals("rick", c.username());
        assertArrayEquals("pa:ss wörd".toCharArray(), c.password());
        for (String bad : new String[] {null, "", "Bearer abc", "Basic", "Basic !!!", "Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes())}) {
            assertTrue(Credentials.fromBasic(bad).isEmpty(), String.valueOf(bad));
        }
    }

    @Test
    void jsonErrorsNameTheFieldPath() {
        Problem unknown = problem(JsonExceptionMapper.class, read("{\"firstName\":\"A\",\"emails\":[{\"address\":\"a@b.co\",\"kind\":1}]}"));
        assertEquals("emails[0].kind", unknown.field());
        Problem badEnum = problem(JsonExceptionMapper.class, read("{\"status\":\"HOT\"}"));
        assertEquals("status", badEnum.field());
        assertTrue(badEnum.detail().contains("QUALIFIED"), badEnum.detail());
        Problem wrongType = problem(JsonExceptionMapper.class, read("{\"phones\":\"813\"}"));
        assertEquals("phones", wrongType.field());
        Problem malformed = problem(JsonExceptionMapper.class, read("{\"firstName\":"));
        assertEquals(400, malformed.status());
        assertEquals("Malformed JSON", malformed.title());
    }

    @Test
    void wrongTypesDuplicateKeysNulAndDepthAreRefusedNotCoerced() {
        assertEquals("firstName", problem(JsonExceptionMapper.class, read("{\"firstName\":12345}")).field(), "no number-to-text");
        assertEquals("firstName", problem(JsonExceptionMapper.class, read("{\"firstName\":true}")).field());
        read("{\"firstName\":\"a\",\"firstName\":\"b\"}");
        Problem nul = problem(JsonExceptionMapper.class, read("{\"lastName\":\"a\\u0000b\"}"));
        assertEquals("lastName", nul.field());
        assertTrue(!nul.detail().contains("\u0000"));
        read("{\"kind\":0}");
        read("{\"customFields\":" + "{\"a\":".repeat(40) + "1" + "}".repeat(41));
        read("{\"firstName\":\"" + "x".repeat(300_000) + "\"}");
        read("{\"firstName\":\"a\"} {\"firstName\":\"b\"}");
    }

    @Test
    void errorsNeverEchoARequestsBulk() {
        Problem p = Problem.of(400, "Invalid request", "x".repeat(10_000_000), List.of(new FieldError("f", "y".repeat(1_000_000))));
        assertTrue(p.detail().length() <= 500);
        assertTrue(p.errors().get(0).message().length() <= 500);
        Response tooMany = new CrmExceptionMapper().toResponse(new org.evergreencrm.api.TooManyAttemptsException("slow down",
                java.time.Instant.now().plusSeconds(90)));
        assertEquals(429, tooMany.getStatus());
        assertTrue(Long.parseLong(tooMany.getHeaderString("Retry-After")) >= 80);
    }

    @Test
    void enumsAreCaseInsensitiveAndInstantsIso() throws Exception {
        ContactDraft d = json.readValue("{\"status\":\"qualified\",\"kind\":\"household\"}", ContactDraft.class);
        assertEquals("QUALIFIED", d.status().name());
        String written = json.writeValueAsString(java.util.Map.of("at", java.time.Instant.parse("2026-01-02T03:04:05Z")));
        assertEquals("{\"at\":\"2026-01-02T03:04:05Z\"}", written);
    }

    @Test
    void serviceErrorsMapToProblemStatuses() {
        CrmExceptionMapper mapper = new CrmExceptionMapper();
        Response invalid = mapper.toResponse(new ValidationException(List.of(new FieldError("a", "x"), new FieldError("b", "y"))));
        assertEquals(400, invalid.getStatus());
        assertEquals(Problem.MEDIA_TYPE, invalid.getMediaType().toString());
        Problem p = (Problem) invalid.getEntity();
        assertEquals("a", p.field());
        assertEquals(2, p.errors().size());
        assertEquals(409, mapper.toResponse(new ConflictException("username", "taken")).getStatus());
        assertEquals(403, mapper.toResponse(new org.evergreencrm.api.AccessDeniedException("no")).getStatus());
        assertEquals(404, mapper.toResponse(new org.evergreencrm.api.NotFoundException("contact", 1)).getStatus());
    }

    @Test
    void jaxRsErrorsBecomeProblemsAndKeepAllow() {
        WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();
        Response notAllowed = mapper.toResponse(new NotAllowedException("GET", new String[] {"POST"}));
        assertEquals(405, notAllowed.getStatus());
        assertTrue(notAllowed.getHeaderString("Allow").contains("GET"));
        JsonProcessingException cause = read("{\"nope\":1}");
        Response wrapped = mapper.toResponse(new BadRequestException(cause));
        assertEquals("nope", ((Problem) wrapped.getEntity()).field());
    }

    @Test
    void parsesIfMatch() {
        assertEquals(3L, org.evergreencrm.rest.internal.resources.ContactResourceAccess.version("\"3\""));
        assertEquals(3L, org.evergreencrm.rest.internal.resources.ContactResourceAccess.version("W/\"3\""));
        assertEquals(null, org.evergreencrm.rest.internal.resources.ContactResourceAccess.version("*"));
        assertEquals("If-Match", org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> org.evergreencrm.rest.internal.resources.ContactResourceAccess.version("\"abc\"")).errors().get(0).field());
    }

    private JsonProcessingException read(String body) {
        try {
            json.readValue(body, ContactDraft.class);
        } catch (JsonProcessingException e) {
            return e;
        }
        throw new AssertionError("should not parse: " + body);
    }

    private static Problem problem(Class<JsonExceptionMapper> type, JsonProcessingException e) {
        Response r = new JsonExceptionMapper().toResponse(e);
        assertEquals(400, r.getStatus());
        return (Problem) r.getEntity();
    }
}
