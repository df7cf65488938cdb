package org.tradeflows.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client of the graphql-transport-ws protocol over Vert.x's WebSocket client, written from the protocol's text
 * (github.com/enisdenjo/graphql-ws, PROTOCOL.md) and not from the server's code: connection_init and its ack, subscribe,
 * next/error/complete per operation id, pong to every ping, and the close code and reason the server ends with.
 */
public final class GraphQLWs implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocketClient client;
    private final LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile String closeReason;
    private volatile int pings;
    private WebSocket ws;

    private GraphQLWs(Vertx vertx) {
        this.client = vertx.createWebSocketClient();
    }

    /** Opens a socket on /graphql with the protocol; sends no message yet. */
    public static GraphQLWs open(Vertx vertx, int port, Map<String, String> headers) throws Exception {
        GraphQLWs c = new GraphQLWs(vertx);
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("localhost").setPort(port)
                .setURI("/graphql").addSubProtocol("graphql-transport-ws");
        headers.forEach(options::addHeader);
        c.ws = c.client.connect(options).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        c.ws.textMessageHandler(text -> {
            try {
                JsonNode m = JSON.readTree(text);
                if ("ping".equals(m.path("type").asText())) {
                    c.pings++;
                    c.send(Map.of("type", "pong"));
                }
                c.received.add(m);
            } catch (java.io.IOException e) {
                c.received.add(JSON.createObjectNode().put("type", "not-json").put("text", text));
            }
        });
        c.ws.closeHandler(v -> {
            c.closeReason = c.ws.closeReason();
            c.closed.complete(c.ws.closeStatusCode() == null ? -1 : (int) c.ws.closeStatusCode());
        });
        return c;
    }

    /** Opens a socket and initialises it with the payload; the ack, or null when the server closed instead. */
    public static GraphQLWs connect(Vertx vertx, int port, Map<String, Object> initPayload) throws Exception {
        GraphQLWs c = open(vertx, port, Map.of());
        c.init(initPayload);
        return c;
    }

    /** Sends connection_init and waits for connection_ack (true) or the server's close (false). */
    public boolean init(Map<String, Object> payload) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "connection_init");
        if (payload != null) {
            m.put("payload", payload);
        }
        send(m);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (closed.isDone() && received.stream().noneMatch(x -> "connection_ack".equals(x.path("type").asText()))) {
                return false;
            }
            JsonNode m2 = received.poll(50, TimeUnit.MILLISECONDS);
            if (m2 != null && "connection_ack".equals(m2.path("type").asText())) {
                return true;
            }
        }
        throw new AssertionError("neither connection_ack nor a close within 20 s");
    }

    public void subscribe(String id, String query, Map<String, Object> variables) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", query);
        if (variables != null) {
            payload.put("variables", variables);
        }
        send(Map.of("id", id, "type", "subscribe", "payload", payload));
    }

    public void complete(String id) {
        send(Map.of("id", id, "type", "complete"));
    }

    public void send(Object message) {
        try {
            ws.writeTextMessage(JSON.writeValueAsString(message));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next message for the operation (next, error or complete), waiting up to the timeout; null if none came. */
    public JsonNode next(String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode m = received.poll(20, TimeUnit.MILLISECONDS);
            if (m != null && id.equals(m.path("id").asText(null))) {
                return m;
            }
        }
        return null;
    }

    /** The first message of the type (any operation) within the timeout; null if none came. */
    public JsonNode firstOfType(String type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode m = received.poll(20, TimeUnit.MILLISECONDS);
            if (m != null && type.equals(m.path("type").asText())) {
                return m;
            }
        }
        return null;
    }

    /** Messages received and not read yet. */
    public List<JsonNode> pending() {
        return new ArrayList<>(received);
    }

    public int pingsAnswered() {
        return pings;
    }

    /** The close code the connection ended with, waiting up to the timeout; null while it is open. */
    public Integer closeCode(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String closeReason() {
        return closeReason;
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** Drops the connection as a client that goes away does (a normal close frame). */
    @Override
    public void close() {
        if (!closed.isDone()) {
            ws.close();
            closeCode(Duration.ofSeconds(10));
        }
        client.close();
    }
}
