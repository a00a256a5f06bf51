package org.evergreencrm.rest.internal.dto;

/** Body of POST /teams. */
public record TeamRequest(String name) {
}
