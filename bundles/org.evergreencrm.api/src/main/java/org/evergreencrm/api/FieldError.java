package org.evergreencrm.api;

/** One field at fault in a request: a JSON-pointer-like path ({@code emails[1].address}) and what is wrong with it. */
public record FieldError(String field, String message) {
}
