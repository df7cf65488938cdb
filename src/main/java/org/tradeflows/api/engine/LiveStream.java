package org.tradeflows.api.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import graphql.language.OperationDefinition;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.tradeflows.config.LiveConfig;
import org.tradeflows.http.ErrorClassifier;
import org.tradeflows.http.ErrorCodes;
import org.tradeflows.http.HttpAnswers;
import org.tradeflows.http.RateLimitFilter;
import org.tradeflows.security.ApiKeyIdentityProvider;

/**
 * One subscription as Server-Sent Events, for clients that cannot open a WebSocket: {@code GET
 * /graphql/stream?query=…&variables=…} or a POST of the usual JSON body, answered {@code text/event-stream} with an
 * {@code event: next} per event (its {@code id:} the event's sequence number, when the document selects
 * {@code sequence}) and a comment every ping interval. A browser's EventSource sends the last id back as Last-Event-ID
 * when it reconnects, which resumes the subscription after it. The same checks as the WebSocket: persisted queries and
 * the allow-list, the engine's limits, subscriptions only, the connection cap; the rate-limit filter counts the request.
 */
final class LiveStream extends SmallRyeGraphQLAbstractHandler {

    static final String PATH = "/graphql/stream";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LiveConfig config;
    private final LiveConnections connections;
    private final PersistedQueries queries;

    LiveStream(CurrentIdentityAssociation identity, CurrentVertxRequest request, LiveConfig config,
            LiveConnections connections, PersistedQueries queries) {
        super(identity, request, false);
        this.config = config;
        this.connections = connections;
        this.queries = queries;
    }

    @Override
    protected void doHandle(RoutingContext ctx) {
        if (!config.enabled()) {
            HttpAnswers.error(ctx, 404, ErrorCodes.NOT_FOUND, "Subscriptions are switched off on this service");
            return;
        }
        JsonNode request;
        try {
            request = ctx.request().method() == HttpMethod.POST ? JSON.readTree(ctx.body() == null ? "" : ctx.body().asString())
                    : JSON.createObjectNode().put("query", ctx.request().getParam("query"))
                            .put("operationName", ctx.request().getParam("operationName"))
                            .set("variables", ctx.request().getParam("variables") == null ? null
                                    : JSON.readTree(ctx.request().getParam("variables")));
        } catch (java.io.IOException | RuntimeException e) {
            HttpAnswers.error(ctx, 400, ErrorCodes.BAD_REQUEST, "The request is not valid JSON: send {\"query\": \"subscription "
                    + "{ … }\", \"variables\": {…}} (by GET: query and variables as parameters, variables as JSON)");
            return;
        }
        if (request == null || !request.isObject()) {
            HttpAnswers.error(ctx, 400, ErrorCodes.BAD_REQUEST, "The request must be a JSON object with a query");
            return;
        }
        SecurityIdentity identity = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        boolean anonymous = ApiKeyIdentityProvider.role(identity).isEmpty();
        String client = anonymous ? RateLimitFilter.anonymousClient(ctx) : RateLimitFilter.keyClient(identity);
        if (!connections.take(client, anonymous)) {
            HttpAnswers.error(ctx, 429, ErrorCodes.RATE_LIMITED, connections.refusal(anonymous));
            return;
        }
        Stream stream = new Stream(ctx, client);
        ctx.response().closeHandler(v -> stream.closed());
        ctx.addEndHandler(v -> stream.closed());
        Map<String, Object> metaData = new HashMap<>(getMetaData(ctx));
        metaData.put("runBlocking", Boolean.TRUE);
        ApiKeyIdentityProvider.role(identity).ifPresent(r -> metaData.put(LiveConnections.ROLE, r.name()));
        String last = ctx.request().getHeader("Last-Event-ID");
        if (last == null) {
            last = ctx.request().getParam("lastEventId");
        }
        if (last != null && last.trim().matches("\\d{1,18}")) {
            metaData.put(LiveConnections.RESUME_AFTER, Long.parseLong(last.trim()));
        }
        Vertx.currentContext().executeBlocking(() -> {
            run(stream, request, metaData);
            return null;
        }, false);
    }

    /** On a worker: the persisted-query checks, subscriptions only, then the engine. */
    private void run(Stream stream, JsonNode request, Map<String, Object> metaData) {
        try {
            JsonNode pq = request.path("extensions").path("persistedQuery");
            String hash = pq.path("sha256Hash").isTextual() ? pq.get("sha256Hash").asText().toLowerCase(java.util.Locale.ROOT) : null;
            String operationName = request.path("operationName").textValue();
            String text = queries.resolve(hash, request.path("query").textValue(), operationName);
            if (text == null) {
                throw new GraphQLRequest.Refused(ErrorCodes.BAD_REQUEST, "query: the subscription's document is required");
            }
            JsonNode variables = request.get("variables");
            GraphQLRequest graphql = GraphQLRequest.fromParameters(text,
                    variables == null || variables.isNull() ? null : variables.toString(), operationName);
            if (GraphQLQueryHandler.operation(graphql) != OperationDefinition.Operation.SUBSCRIPTION) {
                throw new GraphQLRequest.Refused(ErrorCodes.BAD_REQUEST, "/graphql/stream carries subscriptions only: send "
                        + "queries and mutations to /graphql");
            }
            getExecutionService().executeAsync(GraphQLQueryHandler.input(graphql), metaData, stream);
        } catch (PersistedQueries.Refusal r) {
            stream.refuse(400, r.code, r.getMessage());
        } catch (GraphQLRequest.Refused r) {
            stream.refuse(400, r.code(), r.getMessage());
        } catch (RuntimeException e) {
            ErrorClassifier.Coded c = GraphQLErrors.classify(e, null);
            stream.refuse(500, c.code(), c.message());
        } finally {
            SmallRyeContextManager.clearCurrentSmallRyeContext();
        }
    }

    /** The response: refused as JSON before it starts, then a stream of events. */
    private final class Stream implements ExecutionResponseWriter, Subscriber<ExecutionResult> {
        private final RoutingContext ctx;
        private final Context context;
        private final String client;
        private volatile Subscription upstream;
        private volatile boolean done;
        private long pingTimer = -1;

        Stream(RoutingContext ctx, String client) {
            this.ctx = ctx;
            this.context = Vertx.currentContext();
            this.client = client;
        }

        void refuse(int status, String code, String message) {
            context.runOnContext(v -> {
                if (!ctx.response().ended()) {
                    HttpAnswers.error(ctx, status, code, message);
                }
            });
        }

        @Override
        public void write(ExecutionResponse er) {
            ExecutionResult result = er.getExecutionResult();
            if (!(result.getData() instanceof Publisher<?> publisher)) {
                String body = er.getExecutionResultAsString();
                context.runOnContext(v -> {
                    if (!ctx.response().ended()) {
                        ctx.response().setStatusCode(400).putHeader("Content-Type", HttpAnswers.JSON_UTF8).end(body);
                    }
                });
                return;
            }
            context.runOnContext(v -> {
                if (ctx.response().ended() || ctx.response().closed()) {
                    return;
                }
                ctx.response().setStatusCode(200).setChunked(true)
                        .putHeader("Content-Type", "text/event-stream; charset=UTF-8")
                        .putHeader("Cache-Control", "no-cache").putHeader("X-Accel-Buffering", "no");
                ctx.response().write(": subscribed\n\n");
                long every = Math.max(10, config.pingInterval().toMillis());
                pingTimer = ctx.vertx().setPeriodic(every, id -> {
                    if (!ctx.response().ended() && !ctx.response().closed()) {
                        ctx.response().write(": ping\n\n");
                    }
                });
                @SuppressWarnings("unchecked") // graphql-java's subscription result: a publisher of results
                Publisher<ExecutionResult> events = (Publisher<ExecutionResult>) publisher;
                events.subscribe(this);
            });
        }

        @Override
        public void fail(Throwable t) {
            ErrorClassifier.Coded c = GraphQLErrors.classify(t, null);
            refuse(500, c.code(), c.message());
        }

        @Override
        public void onSubscribe(Subscription s) {
            upstream = s;
            if (done) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(ExecutionResult event) {
            Map<String, Object> spec = event.toSpecification();
            String data;
            try {
                data = JSON.writeValueAsString(spec);
            } catch (java.io.IOException e) {
                return;
            }
            Long seq = sequence(spec);
            String message = (seq == null ? "" : "id: " + seq + "\n") + "event: next\ndata: " + data + "\n\n";
            context.runOnContext(v -> {
                if (!ctx.response().ended() && !ctx.response().closed()) {
                    ctx.response().write(message);
                }
            });
        }

        @Override
        public void onError(Throwable t) {
            ErrorClassifier.Coded c = GraphQLErrors.classify(t, null);
            String data = HttpAnswers.json(Map.of("errors", List.of(HttpAnswers.errorOf(c.code(), c.message()))));
            context.runOnContext(v -> {
                if (!ctx.response().ended()) {
                    ctx.response().end("event: next\ndata: " + data + "\n\nevent: complete\ndata:\n\n");
                }
            });
        }

        @Override
        public void onComplete() {
            context.runOnContext(v -> {
                if (!ctx.response().ended()) {
                    ctx.response().end("event: complete\ndata:\n\n");
                }
            });
        }

        void closed() {
            if (done) {
                return;
            }
            done = true;
            if (pingTimer >= 0) {
                ctx.vertx().cancelTimer(pingTimer);
            }
            Subscription s = upstream;
            if (s != null) {
                s.cancel();
            }
            connections.release(client);
        }
    }

    /** The sequence number of the event, when the document selects it: {"data": {"field": {"sequence": n}}}. */
    @SuppressWarnings("unchecked") // the specification's maps, as graphql-java builds them
    private static Long sequence(Map<String, Object> spec) {
        if (spec.get("data") instanceof Map<?, ?> data && data.size() == 1
                && data.values().iterator().next() instanceof Map<?, ?> event && event.get("sequence") instanceof Number n) {
            return n.longValue();
        }
        return null;
    }
}
