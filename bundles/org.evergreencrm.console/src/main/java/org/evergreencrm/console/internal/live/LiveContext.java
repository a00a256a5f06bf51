package org.evergreencrm.console.internal.live;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.context.ServletContextHelper;

/**
 * The live connection's own servlet context at {@value #PATH}. Jetty's WebSocket container is installed when a context
 * starts; Pax Web restarts the shared root context whenever any bundle adds a servlet there (at start, and when a
 * plugin is installed), and a restarted root context could lose the WebSocket container ("WebSocketUpgradeFilter is
 * defined twice"). Nothing but the live endpoint lives in this context, so it starts once. For the same reason it
 * asks the platform's filters (hardening, metrics) to leave it alone ({@code evergreen.unfiltered}): Pax Web adds
 * such all-context filters again to every context whenever a new context appears, which would re-initialize this
 * context's WebSocket upgrade filter. The only thing served here is the WebSocket upgrade, which signs in with a
 * one-time ticket; anything else is Jetty's 404, answered as problem+json by the server-wide error handler.
 */
@Component(service = ServletContextHelper.class, property = {
    "osgi.http.whiteboard.context.name=" + LiveContext.NAME,
    "osgi.http.whiteboard.context.path=" + LiveContext.PATH,
    "evergreen.unfiltered=true"})
public final class LiveContext extends ServletContextHelper {
    static final String NAME = "evergreen-live";
    static final String PATH = "/live";
}
