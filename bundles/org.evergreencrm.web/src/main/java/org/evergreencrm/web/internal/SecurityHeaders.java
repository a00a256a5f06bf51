package org.evergreencrm.web.internal;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** The headers every answer carries (OWASP secure headers); authenticated and API answers are never cached. */
final class SecurityHeaders {
    private SecurityHeaders() {
    }

    static void apply(HttpServletRequest request, HttpServletResponse response, WebConfig c) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", c.contentSecurityPolicy());
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        String uri = request.getRequestURI();
        boolean staticAsset = uri != null && uri.startsWith("/docs/ui/") && !uri.endsWith(".html");
        if (!staticAsset) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
        if (request.isSecure() && c.hstsSeconds() > 0) {
            response.setHeader("Strict-Transport-Security", "max-age=" + c.hstsSeconds());
        }
    }
}
