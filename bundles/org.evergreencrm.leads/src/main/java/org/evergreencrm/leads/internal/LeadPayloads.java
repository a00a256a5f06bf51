package org.evergreencrm.leads.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.evergreencrm.api.ValidationException;
import org.evergreencrm.api.lead.IncomingLead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Raw payloads (a flat JSON object or a form-urlencoded body) to fields, and back into an {@link IncomingLead}. */
final class LeadPayloads {
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /** The field of a referral's payload naming the referring contact. */
    static final String REFERRER = "referrerContactId";

    private LeadPayloads() {
    }

    static Map<String, String> fields(String payload) {
        String p = payload == null ? "" : payload.trim();
        Map<String, String> fields = new LinkedHashMap<>();
        if (p.startsWith("{")) {
            try {
                JsonNode n = JSON.readTree(p);
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getValue().isContainerNode() && !e.getValue().isNull()) {
                        fields.put(e.getKey(), e.getValue().asText());
                    } else if (e.getValue().isContainerNode()) {
                        fields.put(e.getKey(), e.getValue().toString());
                    }
                }
            } catch (JsonProcessingException e) {
                throw new ValidationException("body", "not valid JSON: " + e.getOriginalMessage());
            }
            return noNul(fields);
        }
        for (String pair : p.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(k, v);
            } catch (IllegalArgumentException e) {
                throw new ValidationException("body", "not valid form encoding near '"
                        + (pair.length() > 40 ? pair.substring(0, 40) + "..." : pair) + "': " + e.getMessage());
            }
        }
        return noNul(fields);
    }

    /** Text with a NUL character is refused, never stored (nor silently cleaned). */
    private static Map<String, String> noNul(Map<String, String> fields) {
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (e.getKey().indexOf('\u0000') >= 0 || e.getValue().indexOf('\u0000') >= 0) {
                throw new ValidationException(e.getKey().replace('\u0000', '?'), "contains a NUL character");
            }
        }
        return fields;
    }

    /** The body as UTF-8, refused when it is not valid UTF-8 (nothing is replaced silently). */
    static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ValidationException("body", "is not valid UTF-8");
        }
    }

    static IncomingLead parse(String source, String sourceLeadId, String payload, Instant receivedAt) {
        return new IncomingLead(source, sourceLeadId, fields(payload), payload, receivedAt);
    }
}
