package org.tradeflows.api.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import graphql.language.OperationDefinition;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.reactivestreams.Subscriber;
import org.tradeflows.config.LiveConfig;
import org.tradeflows.http.ErrorClassifier;
import org.tradeflows.http.ErrorCodes;
import org.tradeflows.http.HttpAnswers;
import org.tradeflows.http.RateLimitFilter;
import org.tradeflows.http.RateLimiter;
import org.tradeflows.http.SharedRedis;
import org.tradeflows.model.ApiRole;
import org.tradeflows.security.ApiKeyIdentityProvider;

/**
 * Subscriptions over a WebSocket on /graphql, in the graphql-transport-ws protocol (what the graphql-ws and Apollo
 * clients speak). Our own handler rather than SmallRye's, so that a socket meets the limits a POST meets: the
 * persisted-query checks (allow-list mode), the request limits (in the engine), one count in the rate limit per
 * subscription and the connection cap per address or key; and so that the connection_init payload can carry a key
 * ({@code authorization}) and a resume token ({@code resumeAfter}). Only subscriptions run here: queries and mutations
 * go by HTTP, within their time budget and kept answers.
 *
 * <p>Close codes are the protocol's: 4400 invalid message, 4401 subscribe before connection_ack, 4403 unknown key, 4408
 * no connection_init in time, 4409 an operation id in use, 4429 a second connection_init or too many connections from
 * the client (the reason says which, in words). The server pings every tradeflows.live.ping-interval and closes (1001)
 * a connection it has heard nothing from, not even a pong, for three intervals.
 */
final class LiveSocket extends SmallRyeGraphQLAbstractHandler {

    static final String PROTOCOL = "graphql-transport-ws";
    private static final Logger LOG = Logger.getLogger(LiveSocket.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN_BLOCKING = "runBlocking";

    private final LiveConfig config;
    private final LiveConnections connections;
    private final RateLimitFilter rateLimit;
    private final PersistedQueries queries;
    private final IdentityProviderManager identities;

    LiveSocket(CurrentIdentityAssociation identity, CurrentVertxRequest request, LiveConfig config,
            LiveConnections connections, RateLimitFilter rateLimit, PersistedQueries queries,
            IdentityProviderManager identities) {
        super(identity, request, false);
        this.config = config;
        this.connections = connections;
        this.rateLimit = rateLimit;
        this.queries = queries;
        this.identities = identities;
    }

    static boolean isUpgrade(RoutingContext ctx) {
        return "websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"));
    }

    @Override
    protected void doHandle(RoutingContext ctx) {
        if (!config.enabled()) {
            HttpAnswers.error(ctx, 400, ErrorCodes.BAD_REQUEST, "Subscriptions are switched off on this service");
            return;
        }
        String offered = ctx.request().getHeader("Sec-WebSocket-Protocol");
        if (offered == null || java.util.Arrays.stream(offered.split(",")).map(String::trim).noneMatch(PROTOCOL::equals)) {
            HttpAnswers.error(ctx, 400, ErrorCodes.BAD_REQUEST, "A WebSocket on /graphql speaks the graphql-transport-ws "
                    + "protocol (as the graphql-ws and Apollo clients do): send Sec-WebSocket-Protocol: graphql-transport-ws");
            return;
        }
        SecurityIdentity identity = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        String address = RateLimitFilter.anonymousClient(ctx);
        // this route runs before the rate-limit filter (RouteOrder.LIVE): the upgrade is counted here, as a request
        if (rateLimit.enabled()) {
            Map<String, Object> requestMetaData = getMetaData(ctx); // captured while the request context is active
            rateLimit.admit(ctx, identity == null || ApiKeyIdentityProvider.role(identity).isEmpty()
                    ? address : RateLimitFilter.keyClient(identity), ApiKeyIdentityProvider.role(identity).orElse(null))
                    .onSuccess(admitted -> {
                        if (admitted) {
                            upgrade(ctx, identity, address, requestMetaData);
                        }
                    });
            return;
        }
        upgrade(ctx, identity, address, getMetaData(ctx));
    }

    /** Turns the admitted request into a WebSocket that speaks the protocol. */
    private void upgrade(RoutingContext ctx, SecurityIdentity identity, String address, Map<String, Object> requestMetaData) {
        Map<String, Object> metaData = new HashMap<>(requestMetaData);
        metaData.put(RUN_BLOCKING, Boolean.TRUE);
        Vertx vertx = ctx.vertx();
        ctx.request().toWebSocket().onComplete(done -> {
            if (done.failed()) {
                LOG.debugf("WebSocket handshake failed: %s", done.cause().getMessage());
                return;
            }
            ServerWebSocket ws = done.result();
            if (!PROTOCOL.equals(ws.subProtocol())) {
                ws.close((short) 4406, "Subprotocol not acceptable: speak graphql-transport-ws");
                return;
            }
            new Connection(vertx, ws, metaData, identity, address).open();
        });
    }

    /** One WebSocket: its state, its operations, its timers. */
    private final class Connection {
        private final Vertx vertx;
        private final ServerWebSocket ws;
        private final Map<String, Object> metaData;
        private final String address;
        private final Map<String, Operation> operations = new ConcurrentHashMap<>();
        private volatile SecurityIdentity identity;
        private volatile boolean initReceived;
        private volatile boolean acknowledged;
        private volatile long lastHeard = System.nanoTime();
        private volatile String client;
        private volatile boolean slotTaken;
        private long initTimer = -1;
        private long pingTimer = -1;

        Connection(Vertx vertx, ServerWebSocket ws, Map<String, Object> metaData, SecurityIdentity identity, String address) {
            this.vertx = vertx;
            this.ws = ws;
            this.metaData = metaData;
            this.identity = identity;
            this.address = address;
        }

        void open() {
            initTimer = vertx.setTimer(Math.max(1, config.initTimeout().toMillis()), id -> {
                if (!initReceived) {
                    close(4408, "Connection initialisation timeout");
                }
            });
            long ping = Math.max(10, config.pingInterval().toMillis());
            pingTimer = vertx.setPeriodic(ping, id -> {
                if (System.nanoTime() - lastHeard > 3 * ping * 1_000_000L) {
                    close(1001, "Nothing heard for " + 3 * ping / 1000 + " s, not even a pong: closed as dead");
                } else {
                    send(Map.of("type", "ping"));
                }
            });
            ws.textMessageHandler(this::onText);
            ws.binaryMessageHandler(b -> close(4400, "Invalid message: send JSON text frames"));
            ws.exceptionHandler(e -> LOG.debugf("WebSocket failed: %s", e.getMessage()));
            ws.closeHandler(v -> closed());
        }

        private void onText(String text) {
            lastHeard = System.nanoTime();
            JsonNode message;
            try {
                message = JSON.readTree(text);
            } catch (java.io.IOException e) {
                close(4400, "Invalid message: not JSON");
                return;
            }
            String type = message == null ? null : message.path("type").textValue();
            if (type == null) {
                close(4400, "Invalid message: no type");
                return;
            }
            switch (type) {
                case "connection_init" -> init(message.get("payload"));
                case "ping" -> send(Map.of("type", "pong"));
                case "pong" -> {
                }
                case "subscribe" -> subscribe(message);
                case "complete" -> {
                    Operation op = operations.remove(message.path("id").asText(""));
                    if (op != null) {
                        op.cancel();
                    }
                }
                default -> close(4400, "Invalid message type: " + cut(type, 40));
            }
        }

        private void init(JsonNode payload) {
            if (initReceived) {
                close(4429, "Too many initialisation requests");
                return;
            }
            initReceived = true;
            vertx.cancelTimer(initTimer);
            JsonNode resume = payload == null ? null : payload.get("resumeAfter");
            if (resume != null && (resume.canConvertToLong() || resume.asText().matches("\\d{1,18}"))) {
                metaData.put(LiveConnections.RESUME_AFTER, resume.canConvertToLong() ? resume.asLong() : Long.parseLong(resume.asText()));
            }
            JsonNode given = payload == null ? null
                    : Optional.ofNullable(payload.get("authorization")).orElse(payload.get("Authorization"));
            String authorization = given != null && given.isTextual() ? given.asText() : null;
            if (authorization == null || ApiKeyIdentityProvider.role(identity).isPresent()) { // a key in the header wins
                accept();
                return;
            }
            if (!authorization.regionMatches(true, 0, "bearer ", 0, 7) || authorization.length() <= 7) {
                close(4403, "Forbidden: authorization must be 'Bearer <api key>'");
                return;
            }
            identities.authenticate(new TokenAuthenticationRequest(new TokenCredential(authorization.substring(7).trim(), "bearer")))
                    .subscribe().with(found -> {
                        identity = found;
                        accept();
                    }, failed -> {
                        rateLimit.consume(address, null); // a wrong key counts against its address, as over HTTP
                        close(4403, "Forbidden: the API key is unknown or was revoked");
                    });
        }

        private void accept() {
            boolean anonymous = role().isEmpty();
            String who = anonymous ? address : RateLimitFilter.keyClient(identity);
            if (!connections.take(who, anonymous)) {
                close(4429, connections.refusal(anonymous));
                return;
            }
            client = who;
            slotTaken = true;
            if (ws.isClosed()) { // closed while the key was checked
                closed();
                return;
            }
            role().ifPresent(r -> metaData.put(LiveConnections.ROLE, r.name())); // the key of the header or of connection_init
            acknowledged = true;
            send(Map.of("type", "connection_ack"));
        }

        private Optional<ApiRole> role() {
            return ApiKeyIdentityProvider.role(identity);
        }

        private void subscribe(JsonNode message) {
            if (!acknowledged) {
                close(4401, "Unauthorized: send connection_init and wait for connection_ack first");
                return;
            }
            String id = message.path("id").textValue();
            JsonNode payload = message.get("payload");
            if (id == null || id.isEmpty() || payload == null || !payload.isObject()) {
                close(4400, "Invalid subscribe message: it needs an id and a payload object");
                return;
            }
            if (operations.containsKey(id)) {
                close(4409, "Subscriber for " + cut(id, 60) + " already exists");
                return;
            }
            Context context = Vertx.currentContext();
            rateLimit.consume(client, role().orElse(null)).onComplete(decided -> SharedRedis.onContext(context,
                    () -> admitted(id, payload, decided.result())));
        }

        /** Starts the subscription the rate limit admitted (on the socket's own context). */
        private void admitted(String id, JsonNode payload, RateLimiter.Decision d) {
            if (!d.allowed()) {
                error(id, ErrorCodes.RATE_LIMITED, "Rate limit of " + d.limit() + " requests reached (each subscription "
                        + "counts as one); retry after " + Math.max(1, d.resetSeconds()) + " s"
                        + (role().isEmpty() ? ", or ask for an API key, which has higher limits" : ""));
                return;
            }
            if (operations.containsKey(id)) { // the same id again while this one was counted
                close(4409, "Subscriber for " + cut(id, 60) + " already exists");
                return;
            }
            if (operations.size() >= config.subscriptionsPerConnection()) {
                error(id, ErrorCodes.BAD_REQUEST, "At most " + config.subscriptionsPerConnection() + " subscriptions on one "
                        + "connection; complete one first");
                return;
            }
            Operation op = new Operation(this, id);
            operations.put(id, op);
            vertx.executeBlocking(() -> {
                execute(op, payload);
                return null;
            }, false);
        }

        /** On a worker: resolves persisted queries (and the allow-list), checks the operation, runs it. */
        private void execute(Operation op, JsonNode payload) {
            try {
                JsonNode pq = payload.path("extensions").path("persistedQuery");
                String hash = pq.path("sha256Hash").isTextual() ? pq.get("sha256Hash").asText().toLowerCase(java.util.Locale.ROOT) : null;
                String query = payload.path("query").textValue();
                String operationName = payload.path("operationName").textValue();
                String text = queries.resolve(hash, query, operationName);
                if (text == null) {
                    throw new GraphQLRequest.Refused(ErrorCodes.BAD_REQUEST, "payload.query: the subscription's document is required");
                }
                JsonNode variables = payload.get("variables");
                GraphQLRequest request = GraphQLRequest.fromParameters(text,
                        variables == null || variables.isNull() ? null : variables.toString(), operationName);
                if (GraphQLQueryHandler.operation(request) != OperationDefinition.Operation.SUBSCRIPTION) {
                    throw new GraphQLRequest.Refused(ErrorCodes.BAD_REQUEST, "A WebSocket carries subscriptions only: send "
                            + "queries and mutations by POST /graphql (queries also by GET)");
                }
                getExecutionService().executeAsync(GraphQLQueryHandler.input(request), new HashMap<>(metaData), op);
            } catch (PersistedQueries.Refusal r) {
                op.fail(r.code, r.getMessage());
            } catch (GraphQLRequest.Refused r) {
                op.fail(r.code(), r.getMessage());
            } catch (RuntimeException e) {
                ErrorClassifier.Coded c = GraphQLErrors.classify(e, null);
                op.fail(c.code(), c.message());
            } finally {
                SmallRyeContextManager.clearCurrentSmallRyeContext();
            }
        }

        void error(String id, String code, String message) {
            send(Map.of("id", id, "type", "error", "payload", List.of(HttpAnswers.errorOf(code, message))));
        }

        void send(Object message) {
            if (ws.isClosed()) {
                return;
            }
            if (ws.writeQueueFull()) { // a client that does not read its events: it resumes with its token
                close(1013, "Try again later: events were not read fast enough; reconnect with resumeAfter");
                return;
            }
            try {
                ws.writeTextMessage(JSON.writeValueAsString(message));
            } catch (java.io.IOException e) {
                LOG.warnf("Could not write a live message: %s", e.getMessage());
            }
        }

        void close(int code, String reason) {
            if (!ws.isClosed()) {
                ws.close((short) code, reason);
            }
        }

        private void closed() {
            vertx.cancelTimer(initTimer);
            vertx.cancelTimer(pingTimer);
            operations.values().forEach(Operation::cancel);
            operations.clear();
            if (slotTaken) {
                slotTaken = false;
                connections.release(client);
            }
        }
    }

    /** One subscription of a connection: the engine's answer, then each of its events, as next messages. */
    private static final class Operation implements ExecutionResponseWriter, Subscriber<ExecutionResult> {
        private final Connection connection;
        private final String id;
        private volatile org.reactivestreams.Subscription upstream;
        private volatile boolean cancelled;

        Operation(Connection connection, String id) {
            this.connection = connection;
            this.id = id;
        }

        @Override
        public void write(ExecutionResponse er) {
            ExecutionResult result = er.getExecutionResult();
            if (result.getData() instanceof org.reactivestreams.Publisher<?> publisher) {
                @SuppressWarnings("unchecked") // graphql-java's subscription result: a publisher of results
                org.reactivestreams.Publisher<ExecutionResult> events = (org.reactivestreams.Publisher<ExecutionResult>) publisher;
                events.subscribe(this);
                return;
            }
            // refused before it ran: validation, limits, or the resolver's own error
            Object errors = result.toSpecification().get("errors");
            connection.operations.remove(id);
            connection.send(Map.of("id", id, "type", "error", "payload", errors == null ? List.of() : errors));
        }

        @Override
        public void fail(Throwable t) {
            ErrorClassifier.Coded c = GraphQLErrors.classify(t, null);
            fail(c.code(), c.message());
        }

        void fail(String code, String message) {
            connection.operations.remove(id);
            connection.error(id, code, message);
        }

        @Override
        public void onSubscribe(org.reactivestreams.Subscription s) {
            upstream = s;
            if (cancelled) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(ExecutionResult event) {
            if (cancelled) {
                return;
            }
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("id", id);
            message.put("type", "next");
            message.put("payload", event.toSpecification());
            connection.send(message);
        }

        @Override
        public void onError(Throwable t) {
            if (!cancelled) {
                fail(t);
            }
        }

        @Override
        public void onComplete() {
            if (!cancelled && connection.operations.remove(id) != null) {
                connection.send(Map.of("id", id, "type", "complete"));
            }
        }

        void cancel() {
            cancelled = true;
            org.reactivestreams.Subscription s = upstream;
            if (s != null) {
                s.cancel();
            }
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
