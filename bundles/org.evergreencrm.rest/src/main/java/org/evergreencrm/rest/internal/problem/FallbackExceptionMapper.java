package org.evergreencrm.rest.internal.problem;

import java.util.UUID;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything unexpected: logged with an incident id, answered 500 with that id and no internals. */
public final class FallbackExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.error("REST request failed, incident {}", incident, e);
        return Problems.response(500, "Internal error", "the server failed; incident " + incident + " is in its log");
    }
}
