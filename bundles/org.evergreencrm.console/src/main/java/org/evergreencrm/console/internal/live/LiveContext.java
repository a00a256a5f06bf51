package org.evergreencrm.console.internal.live;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.context.ServletContextHelper;

/**
 * The live connection's own servlet context at {@value #PATH}. Jetty's WebSocket container is installed when a context
 * starts; Pax Web restarts the shared root context whenever any bundle adds a servlet there (at start, and when a
 * plugin is installed), and a restarted root context could lose the WebSocket container ("WebSocketUpgradeFilter is
 * defined twice"). Nothing but the live endpoint lives in this context, so it starts once.
 */
@Component(service = ServletContextHelper.class, property = {
    "osgi.http.whiteboard.context.name=" + LiveContext.NAME,
    "osgi.http.whiteboard.context.path=" + LiveContext.PATH})
public final class LiveContext extends ServletContextHelper {
    static final String NAME = "evergreen-live";
    static final String PATH = "/live";
}
