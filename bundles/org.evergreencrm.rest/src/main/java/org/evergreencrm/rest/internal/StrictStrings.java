package org.evergreencrm.rest.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** Text fields as Jackson reads them, but a NUL character is refused (it is never stored, nor silently removed). */
final class StrictStrings extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;

    StrictStrings() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = StringDeserializer.instance.deserialize(p, ctxt);
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw InvalidFormatException.from(p, "contains a NUL character", "(text with NUL)", String.class);
        }
        return value;
    }
}
