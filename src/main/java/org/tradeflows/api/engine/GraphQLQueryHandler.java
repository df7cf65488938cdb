package org.tradeflows.api.engine;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import io.quarkus.jsonp.JsonProviderHolder;
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
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.RoutingContext;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tradeflows.http.ErrorClassifier;
import org.tradeflows.http.ErrorCodes;
import org.tradeflows.http.HttpAnswers;
import org.tradeflows.http.SharedRedis;
import org.tradeflows.api.engine.RequestBudget;
import org.tradeflows.model.ApiRole;
import org.tradeflows.security.ApiKeyIdentityProvider;
import org.tradeflows.store.DataVersion;

/**
 * Queries, by GET and by POST, answered from the answers the server keeps ({@link ResponseCache}) or run and kept.
 *
 * <p>By GET ({@code /graphql?query=…&variables=…&operationName=…}, for browsers and caches) the answer carries an ETag
 * made of the data version (every committed change bumps it), the request and the caller, and Cache-Control; a
 * matching If-None-Match is answered 304 without running the query. Mutations are refused (405): a GET must never
 * change anything.
 *
 * <p>By POST every operation comes here (the POST route checked the body and left the request under
 * {@link #CHECKED_REQUEST}); mutations run like queries but are never answered from, or kept as, a kept answer. A
 * POST answer has the status and media type SmallRye's handler would give it, and no ETag.
 *
 * <p>Every query runs on a worker thread (parsing, validation and the limits of a large document included), never on
 * the event loop, and within the request's time budget: past it the client is answered TIMEOUT, the statements the
 * query still runs are cancelled and no further mutation starts ({@link RequestBudget}). A null budget (bench only,
 * tradeflows.limits.checks=false) runs requests unbounded.
 */
public class GraphQLQueryHandler extends SmallRyeGraphQLAbstractHandler {

    /** Where the POST route leaves a query it checked and that may be answered here. */
    static final String CHECKED_REQUEST = "tradeflows.checked-query";
    /** Where the POST route says whether the checked request is a mutation (run within the budget, never kept). */
    static final String MUTATION = "tradeflows.mutation";
    /** SmallRye's key (in the request's metadata and GraphQL context) for running every field on the calling thread. */
    private static final String RUN_BLOCKING = "runBlocking";
    /** The answer type for a POST that asks for none in particular (GraphQL over HTTP: application/json). */
    private static final String POST_DEFAULT_TYPE = HttpAnswers.JSON_UTF8;

    private final DataVersion dataVersion;
    private final Duration maxAge;
    private final ResponseCache responseCache;
    private final Duration budget;

    public GraphQLQueryHandler(CurrentIdentityAssociation identity, CurrentVertxRequest request, DataVersion dataVersion,
            Duration maxAge, ResponseCache responseCache, Duration budget) {
        super(identity, request, false);
        this.dataVersion = dataVersion;
        this.maxAge = maxAge;
        this.responseCache = responseCache;
        this.budget = budget;
    }

    @Override
    protected void doHandle(RoutingContext ctx) {
        boolean byGet = ctx.request().method() == HttpMethod.GET;
        GraphQLRequest request;
        if (byGet) {
            try {
                request = fromParameters(ctx);
            } catch (GraphQLRequest.Refused refused) {
                HttpAnswers.requestError(ctx, responseType(ctx.request().getHeader("Accept")), refused.code(),
                        refused.getMessage());
                return;
            }
            if (request == null) {
                return; // answered 405
            }
        } else {
            request = ctx.get(CHECKED_REQUEST);
        }
        String type = byGet ? responseType(ctx.request().getHeader("Accept")) : postResponseType(ctx);
        Map<String, Object> metaData = getMetaData(ctx); // captured while the request context is active
        String authorization = ctx.request().getHeader("Authorization");
        Context context = Vertx.currentContext();
        long started = System.nanoTime();
        if (!byGet && Boolean.TRUE.equals(ctx.get(MUTATION))) { // changes data: never kept, never answered from a kept answer
            execute(ctx, request, metaData, new Writer(ctx, false, type, 0, null, responseCache, spend(ctx, context, started)));
            return;
        }
        dataVersion.shared().whenComplete((state, failure) -> context.runOnContext(ignored -> {
            if (failure != null) {
                if (byGet) {
                    ErrorClassifier.Coded c = GraphQLErrors.classify(failure, null);
                    HttpAnswers.error(ctx, ErrorCodes.SERVICE_UNAVAILABLE.equals(c.code()) ? 503 : 500, c.code(), c.message());
                } else { // by POST the query runs as it would without kept answers, and says what failed
                    execute(ctx, request, metaData, new Writer(ctx, false, type, 0, null, responseCache, spend(ctx, context, started)));
                }
                return;
            }
            ctx.response().putHeader(HttpAnswers.RELEASE_HEADER, state.release());
            String etag = "W/\"" + state.version() + "-" + fingerprint(request, authorization) + "\"";
            if (byGet) {
                ctx.response().putHeader("ETag", etag)
                        .putHeader("Vary", "Authorization")
                        .putHeader("Cache-Control", (authorization == null ? "public" : "private") + ", max-age="
                                + maxAge.toSeconds());
                if (matches(ctx.request().getHeader("If-None-Match"), etag)) {
                    ctx.response().setStatusCode(304).end();
                    return;
                }
            }
            String key = etag + " " + type;
            responseCache.lookup(state.version(), key).onComplete(found -> SharedRedis.onContext(context, () -> {
                Optional<ResponseCache.Answer> cached = found.result();
                if (cached.isPresent()) {
                    ctx.response().setStatusCode(200).putHeader("Content-Type", cached.get().contentType())
                            .end(Buffer.buffer(cached.get().body()));
                    return;
                }
                RequestBudget spending = spend(ctx, context, started);
                if (readsFromReplicas(ctx)) { // a replica serves it only once it has replayed the version read here
                    spending.readFromReplicaAtOrAfter(state.version());
                }
                execute(ctx, request, metaData, new Writer(ctx, byGet, type, state.version(), key, responseCache, spending));
            }));
        }));
    }

    /**
     * Starts the budget of a request that is about to run, counted from when the request arrived ({@code started}):
     * an answer kept from an earlier request is served without one, so it pays for no timer. The waits for the data
     * version and the kept answer before it are bounded by their own timeouts.
     */
    private RequestBudget spend(RoutingContext ctx, Context context, long started) {
        if (budget == null) {
            return RequestBudget.unbounded();
        }
        long left = Math.max(1, budget.toMillis() - (System.nanoTime() - started) / 1_000_000);
        RequestBudget spending = RequestBudget.start(context, left);
        long timer = ctx.vertx().setTimer(left, id -> overBudget(ctx, spending));
        ctx.addEndHandler(ended -> ctx.vertx().cancelTimer(timer));
        return spending;
    }

    /** Anonymous callers and readers read from replicas; curators and admins read their own writes on the primary. */
    private static boolean readsFromReplicas(RoutingContext ctx) {
        SecurityIdentity identity = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        return ApiKeyIdentityProvider.role(identity).map(role -> role == ApiRole.READER).orElse(true);
    }

    /** Answers TIMEOUT and cancels the statements the query still runs (cancelling blocks: on a worker). */
    private void overBudget(RoutingContext ctx, RequestBudget spending) {
        if (ctx.response().ended() || !spending.claimAnswer()) {
            return;
        }
        ctx.vertx().executeBlocking(() -> {
            spending.spend();
            return null;
        }, false);
        ctx.response().headers().remove("ETag");
        HttpAnswers.error(ctx, 504, ErrorCodes.TIMEOUT, "The request took longer than the limit of " + budget.toMillis() / 1000.0
                + " s for one request and was stopped, with the statements it ran; ask for fewer fields or aliases, smaller "
                + "pages (first) or narrower filters, or split it into several requests");
    }

    /**
     * Runs the query on a worker thread: parsing, validation and execution must never hold up the event loop. Its
     * fields run on that thread too ({@code runBlocking}): SmallRye would otherwise hand each one to another worker and
     * complete it, and the answer around it, back on the event loop.
     */
    private void execute(RoutingContext ctx, GraphQLRequest request, Map<String, Object> metaData, Writer writer) {
        Map<String, Object> onThisThread = new java.util.HashMap<>(metaData);
        onThisThread.put(RUN_BLOCKING, Boolean.TRUE);
        Vertx.currentContext().executeBlocking(() -> {
            executeHere(ctx, request, onThisThread, writer);
            return null;
        }, false);
    }

    private void executeHere(RoutingContext ctx, GraphQLRequest request, Map<String, Object> metaData, Writer writer) {
        try {
            getExecutionService().executeAsync(input(request), metaData, writer);
        } catch (RuntimeException e) {
            ErrorClassifier.Coded c = GraphQLErrors.classify(e, null);
            HttpAnswers.error(ctx, 500, c.code(), c.message());
        } finally {
            SmallRyeContextManager.clearCurrentSmallRyeContext();
        }
    }

    /** The request of a GET, or null when it was answered already (a mutation, 405). */
    private static GraphQLRequest fromParameters(RoutingContext ctx) throws GraphQLRequest.Refused {
        GraphQLRequest request = GraphQLRequest.fromParameters(ctx.request().getParam("query"), ctx.request().getParam("variables"),
                ctx.request().getParam("operationName"));
        OperationDefinition.Operation kind = operation(request);
        if (kind != OperationDefinition.Operation.QUERY) {
            ctx.response().putHeader("Allow", "POST");
            HttpAnswers.error(ctx, 405, ErrorCodes.METHOD_NOT_ALLOWED, "A " + kind.name().toLowerCase(Locale.ROOT)
                    + " cannot be sent by GET; send it by POST");
            return null;
        }
        return request;
    }

    /** The kind of operation the request would run; an ambiguous or unknown one counts as a query (the engine says why). */
    static OperationDefinition.Operation operation(GraphQLRequest request) throws GraphQLRequest.Refused {
        Document document = request.parse();
        return request.operation(document).map(OperationDefinition::getOperation).orElse(OperationDefinition.Operation.QUERY);
    }

    /** The request as SmallRye's execution service takes it (the JSON provider is looked up once, not per request). */
    static jakarta.json.JsonObject input(GraphQLRequest request) {
        JsonProvider json = JsonProviderHolder.jsonProvider();
        JsonObjectBuilder b = json.createObjectBuilder().add("query", request.query());
        if (request.variables() != null) {
            try (JsonReader reader = json.createReader(new StringReader(request.variablesJson()))) {
                b.add("variables", reader.readObject());
            }
        }
        if (request.operationName() != null) {
            b.add("operationName", request.operationName());
        }
        return b.build();
    }

    /** What the answer depends on besides the data: the request, the caller's key, and the date ("today" defaults). */
    static String fingerprint(GraphQLRequest request, String authorization) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {request.query(), request.variablesJson(), request.operationName(), authorization,
                    LocalDate.now(ZoneOffset.UTC).toString()}) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** If-None-Match holds one or more ETags (or *); compared weakly, as RFC 9110 asks for GET. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || (c.startsWith("W/") ? c.substring(2) : c).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    static String responseType(String accept) {
        return accept != null && accept.contains("application/graphql-response+json")
                ? "application/graphql-response+json; charset=UTF-8" : "application/json; charset=UTF-8";
    }

    /**
     * The media type SmallRye's handler answers a POST in: the first acceptable type the client lists as it wrote it,
     * or the GraphQL response type for none or any. Null when SmallRye would refuse the request (406) or answer in
     * another charset than UTF-8; such a POST is left to SmallRye.
     */
    static String postResponseType(RoutingContext ctx) {
        List<MIMEHeader> accepted = ctx.parsedHeaders() == null ? List.of() : ctx.parsedHeaders().accept();
        if (accepted == null || accepted.isEmpty()) {
            return POST_DEFAULT_TYPE;
        }
        for (MIMEHeader a : accepted) {
            String raw = a.rawValue();
            if (raw.startsWith("application/json") || raw.startsWith("application/graphql-response+json")
                    || raw.startsWith("application/graphql+json")) {
                String lower = raw.toLowerCase(Locale.ROOT);
                return !lower.contains("charset=") || lower.contains("charset=utf-8") ? raw : null;
            }
            if (raw.startsWith("*/*")) {
                return POST_DEFAULT_TYPE;
            }
        }
        return null;
    }

    /**
     * Writes the GraphQL answer and keeps it when it has no error. By GET, an answer with an error that may pass by
     * itself is not to be cached by clients; by POST, an aborted execution is a 500, as SmallRye's handler answers it.
     * The answer is kept under {@code key}, unless that is null.
     */
    private record Writer(RoutingContext ctx, boolean byGet, String type, long version, String key, ResponseCache responseCache,
            RequestBudget budget)
            implements ExecutionResponseWriter {

        @Override
        public void write(ExecutionResponse er) {
            if (ctx.response().ended() || !budget.claimAnswer()) {
                return; // answered TIMEOUT when the request ran out of its budget
            }
            List<GraphQLError> errors = er.getExecutionResult().getErrors();
            if (!byGet && er.getExecutionResult().isDataPresent()
                    && errors.stream().anyMatch(e -> e.getErrorType() == ErrorType.ExecutionAborted)) {
                ctx.response().setStatusCode(500).end();
                return;
            }
            if (byGet && errors.stream().anyMatch(e -> e instanceof CodedError c && ErrorCodes.isTransient(c.code()))) {
                ctx.response().headers().remove("ETag");
                ctx.response().putHeader("Cache-Control", "no-store");
            }
            byte[] body = er.getExecutionResultAsString().getBytes(StandardCharsets.UTF_8);
            if (errors.isEmpty() && key != null) {
                responseCache.put(version, key, new ResponseCache.Answer(type, body));
            }
            ctx.response().setStatusCode(status(er, type)).putHeader("Content-Type", type).end(Buffer.buffer(body));
        }

        /**
         * GraphQL over HTTP: in application/graphql-response+json an answer without data (the request did not
         * validate, its variables did not fit, it was refused before running) is a 4xx, or a 5xx when the service
         * failed; in application/json it is 200 with the errors.
         */
        private static int status(ExecutionResponse er, String type) {
            if (er.getExecutionResult().isDataPresent() || !type.startsWith(HttpAnswers.GRAPHQL_RESPONSE_JSON)) {
                return 200;
            }
            return er.getExecutionResult().getErrors().stream()
                    .map(e -> e instanceof CodedError c ? HttpAnswers.status(c.code()) : 400)
                    .max(Integer::compare).orElse(400);
        }

        @Override
        public void fail(Throwable t) {
            if (ctx.response().ended() || !budget.claimAnswer()) {
                return;
            }
            ctx.fail(t);
        }
    }
}
