package org.tradeflows.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Live answers: subscriptions over WebSocket and Server-Sent Events (README, "Live answers"). */
@ConfigMapping(prefix = "tradeflows.live")
public interface LiveConfig {

    /** Subscriptions on or off (off: /graphql answers no WebSocket and /graphql/stream is 404). */
    @WithDefault("true")
    boolean enabled();

    /**
     * How often the service looks for newly committed releases and sanctions and for events to send: the longest an
     * event waits before it is sent (two polls: one to record it, one to send it).
     */
    @WithDefault("500ms")
    Duration pollInterval();

    /** How long events are kept for clients that reconnect with a resume token (older ones are deleted). */
    @WithDefault("7d")
    Duration retention();

    /** Open WebSocket connections and event streams from one IP address without a key; the next one is closed (4429). */
    @WithDefault("5")
    int anonymousConnectionsPerAddress();

    /** Open WebSocket connections and event streams of one key. */
    @WithDefault("100")
    int connectionsPerKey();

    /** Subscriptions on one connection at once; another is refused with an error message. */
    @WithDefault("20")
    int subscriptionsPerConnection();

    /** The server's ping interval on a WebSocket; a connection that sends nothing (not even pong) for 3 intervals is closed. */
    @WithDefault("15s")
    Duration pingInterval();

    /** How long a new connection may take to send connection_init before it is closed (4408). */
    @WithDefault("10s")
    Duration initTimeout();

    /** Answers of persisted queries watched by answerChanged at most; a new watch beyond it is refused. */
    @WithDefault("1000")
    int maxWatchedAnswers();

    /** How long an answer stays watched after its last subscriber left (a reconnecting client still gets its change). */
    @WithDefault("1d")
    Duration watchAfterLeave();
}
