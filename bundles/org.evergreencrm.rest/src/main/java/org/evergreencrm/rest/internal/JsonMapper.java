package org.evergreencrm.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper.Builder;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one ObjectMapper of the API: ISO-8601 instants, strict about unknown fields, duplicate keys, wrong types
 * (no number-to-text or text-to-number coercion), NUL characters and depth; lenient about enum case only.
 */
public final class JsonMapper {
    private JsonMapper() {
    }

    /** Limits on what one request body may hold (the request size itself is bounded by the web bundle). */
    static final com.fasterxml.jackson.core.StreamReadConstraints LIMITS = com.fasterxml.jackson.core.StreamReadConstraints
            .builder().maxNestingDepth(32).maxStringLength(200_000).maxNumberLength(40).maxNameLength(200).build();

    public static ObjectMapper create() {
        com.fasterxml.jackson.core.JsonFactory factory = com.fasterxml.jackson.core.JsonFactory.builder()
                .streamReadConstraints(LIMITS).enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        com.fasterxml.jackson.databind.module.SimpleModule strict = new com.fasterxml.jackson.databind.module.SimpleModule("evergreen-strict");
        strict.addDeserializer(String.class, new StrictStrings());
        Builder builder = com.fasterxml.jackson.databind.json.JsonMapper.builder(factory)
                .addModule(strict)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .serializationInclusion(JsonInclude.Include.NON_NULL);
        ObjectMapper mapper = builder.build();
        // a number or a boolean where text belongs is refused, not turned into text
        mapper.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        return mapper;
    }
}
