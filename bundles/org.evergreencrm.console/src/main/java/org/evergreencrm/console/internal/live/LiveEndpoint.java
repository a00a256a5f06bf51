package org.evergreencrm.console.internal.live;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.websocket.CloseReason;
import javax.websocket.OnClose;
import javax.websocket.OnError;
import javax.websocket.OnMessage;
import javax.websocket.OnOpen;
import javax.websocket.Session;
import javax.websocket.server.ServerEndpoint;

import org.evergreencrm.api.security.Actor;
import org.evergreencrm.api.security.User;
import org.evergreencrm.api.security.UserService;
import org.evergreencrm.api.security.WebSession;
import org.evergreencrm.api.security.WebSessions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The console's live connection at {@code /live/socket?ticket=...} (in its own context, {@link LiveContext}): the ticket (one-time, 30 s, taken with the session's CSRF
 * token through {@code POST /api/v1/session/ticket}) signs it in, so a page of another site cannot open one. Pax Web
 * uses this one instance for every connection: it keeps no state of its own; the hub does.
 *
 * <p>Client messages: {@code {"type":"resume","epoch":E,"seq":N}}, {@code {"type":"view","contactId":N|null}},
 * {@code {"type":"ping"}}.
 */
@Component(service = LiveEndpoint.class, property = {"org.ops4j.pax.web.http.whiteboard.websocket=true",
    "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=" + LiveContext.NAME + ")"})
@ServerEndpoint("/socket")
public final class LiveEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LiveHub hub;
    private final WebSessions sessions;
    private final UserService users;

    @Activate
    public LiveEndpoint(@Reference LiveHub hub, @Reference WebSessions sessions, @Reference UserService users) {
        this.hub = hub;
        this.sessions = sessions;
        this.users = users;
    }

    @OnOpen
    public void open(Session session) throws IOException {
        List<String> tickets = session.getRequestParameterMap().get("ticket");
        Optional<WebSession> signedIn = tickets == null || tickets.isEmpty() ? Optional.empty() : sessions.redeem(tickets.get(0));
        Optional<User> user = signedIn.flatMap(s -> {
            try {
                return Optional.of(users.getUser(Actor.system(), s.userId())).filter(User::active);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
        if (user.isEmpty()) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "sign in first: no valid ticket"));
            return;
        }
        session.setMaxIdleTimeout(0);
        session.getUserProperties().put("evergreen.user", user.get().username());
        // the redeemed session carries its token's hash as its token (the socket never sees the secret itself)
        hub.join(new SessionChannel(session), Actor.of(user.get()), user.get().displayName(), signedIn.get().token());
    }

    @OnMessage
    public void message(Session session, String text) {
        if (!session.getUserProperties().containsKey("evergreen.user") || text.length() > 4096) {
            return;
        }
        try {
            JsonNode m = JSON.readTree(text);
            switch (m.path("type").asText("")) {
                case "resume" -> hub.resume(session.getId(), m.path("epoch").asText(""), m.path("seq").asLong(0));
                case "view" -> hub.view(session.getId(), m.path("contactId").isNumber() ? m.path("contactId").asLong() : null);
                case "ping" -> session.getAsyncRemote().sendText(LiveHub.json(Map.of("type", "pong")));
                default -> session.getAsyncRemote().sendText(LiveHub.json(Map.of("type", "error", "detail", "unknown message type")));
            }
        } catch (IOException | RuntimeException e) {
            session.getAsyncRemote().sendText(LiveHub.json(Map.of("type", "error", "detail", "messages are JSON objects with a type")));
        }
    }

    @OnClose
    public void close(Session session) {
        hub.leave(session.getId());
    }

    @OnError
    public void error(Session session, Throwable failure) {
        LOG.debug("live connection {} failed", session.getId(), failure);
        hub.leave(session.getId());
    }

    /** One WebSocket session as the hub sees it. */
    private record SessionChannel(Session session) implements LiveChannel {
        @Override
        public String id() {
            return session.getId();
        }

        @Override
        public void close(String reason) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
            } catch (IOException | IllegalStateException e) {
                // already gone
            }
        }

        @Override
        public void send(String json) {
            if (!session.isOpen()) {
                return;
            }
            synchronized (session) {
                try {
                    session.getBasicRemote().sendText(json);
                } catch (IOException | IllegalStateException e) {
                    try {
                        session.close();
                    } catch (IOException ignored) {
                        // already gone
                    }
                }
            }
        }
    }
}
