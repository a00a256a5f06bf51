package org.evergreencrm.web.internal;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Pax Web adds every OSGi {@link Handler} service to its Jetty server; this one handles nothing itself but, once it
 * is given the server, makes {@link ProblemErrorHandler} the server's error handler (and gives the old one back
 * when it goes).
 */
@Component(service = Handler.class, property = "service.ranking:Integer=-1000")
public final class ErrorHandlerInstaller extends AbstractHandler {
    private ErrorHandler previous;
    private Server installedOn;

    @Override
    public synchronized void setServer(Server server) {
        super.setServer(server);
        if (server != null && !(server.getErrorHandler() instanceof ProblemErrorHandler)) {
            previous = server.getErrorHandler();
            ProblemErrorHandler handler = new ProblemErrorHandler();
            handler.setServer(server); // first: the server starts the new bean at once when it is already starting
            server.setErrorHandler(handler);
            installedOn = server;
        }
    }

    @Deactivate
    synchronized void restore() {
        if (installedOn != null && previous != null) {
            installedOn.setErrorHandler(previous);
        }
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response) {
        // nothing: the request goes on to the contexts
    }
}
