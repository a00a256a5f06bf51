package org.evergreencrm.console.internal.live;

/** Where the hub sends one client's messages (a WebSocket session in the product, a list in tests). */
interface LiveChannel {
    String id();

    /** Sends without blocking the caller; a failed send closes the channel. */
    void send(String json);

    /** Ends the connection (its session ended); the client reconnects and is then asked to sign in. */
    void close(String reason);
}
