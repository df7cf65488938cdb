package org.tradeflows.api.engine;

import graphql.language.OperationDefinition;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import graphql.execution.instrumentation.Instrumentation;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tradeflows.http.ErrorClassifier;
import org.tradeflows.http.ErrorCodes;
import org.tradeflows.http.HttpAnswers;
import org.tradeflows.config.LimitsConfig;
import org.tradeflows.config.LiveConfig;
import org.tradeflows.http.RateLimitFilter;
import io.quarkus.security.identity.IdentityProviderManager;
import org.tradeflows.store.DataVersion;

/**
 * The entry point of the GraphQL engine set-up, and the only place that installs /graphql routes. The path of a
 * request, in order ({@link RouteOrder}):
 * <ol>
 * <li>FAILURE: a failure handler that answers every failure with a coded body and no detail (413 REQUEST_TOO_LARGE);
 * <li>METHOD: anything but GET, POST, OPTIONS is answered 405;
 * <li>LIVE: a WebSocket upgrade becomes a connection of subscriptions ({@link LiveSocket}); /graphql/stream answers
 * one subscription as Server-Sent Events ({@link LiveStream});
 * <li>BODY: a POST body is read within quarkus.http.limits.max-body-size, a persisted query's hash becomes its text
 * (by POST and GET, {@link PersistedQueryRoutes}), and the request is checked ({@link GraphQLRequest}: JSON, a document
 * that parses), and a missing JSON Accept becomes application/json;
 * <li>KEPT_ANSWERS: every operation by POST (a POST that accepts no UTF-8 JSON answer is refused 406) and queries by
 * GET go to {@link GraphQLQueryHandler}: off the event loop, within the request's time budget; queries also with ETags
 * and {@link ResponseCache}. Nothing falls through to SmallRye's own handler;
 * <li>in the engine, {@link EngineSetup} puts {@link #instrumentations} in front of SmallRye's own: the request limits
 * ({@link RequestLimitsInstrumentation}) and the error coding ({@link ErrorCodingInstrumentation}).
 * </ol>
 */
@ApplicationScoped
public class GraphQLEndpoint {

    private static final Logger LOG = Logger.getLogger(GraphQLEndpoint.class);
    private static final String PATH = "/graphql";
    private static final Set<String> METHODS = Set.of("GET", "POST", "OPTIONS");

    private final DataVersion dataVersion;
    private final LimitsConfig limits;
    private final ResponseCache responseCache;
    private final long maxBodyBytes;
    private final LiveConfig liveConfig;
    private final LiveConnections liveConnections;

    public GraphQLEndpoint(DataVersion dataVersion, LimitsConfig limits, ResponseCache responseCache, LiveConfig liveConfig,
            LiveConnections liveConnections,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody) {
        this.dataVersion = dataVersion;
        this.limits = limits;
        this.responseCache = responseCache;
        this.maxBodyBytes = maxBody.asLongValue();
        this.liveConfig = liveConfig;
        this.liveConnections = liveConnections;
    }

    /** The engine's instrumentations, in the order they run (EngineSetup puts SmallRye's own after them). */
    static List<Instrumentation> instrumentations(LimitsConfig limits) {
        if (!limits.checks()) { // bench only (LimitsConfig.checks)
            return List.of(new ErrorCodingInstrumentation());
        }
        return List.of(new RequestLimitsInstrumentation(limits.maxDepth(), limits.maxCost(), limits.maxFields()),
                new ErrorCodingInstrumentation());
    }

    void install(@Observes Router router) {
        router.route(PATH).order(RouteOrder.FAILURE.order).failureHandler(this::failure);
        router.route(PATH).order(RouteOrder.METHOD.order).handler(this::method);
        BodyHandler body = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
        // persisted queries (a hash for a text, the allow-list) are resolved before anything reads the request
        PersistedQueryRoutes persisted = new PersistedQueryRoutes(Arc.container().instance(PersistedQueries.class).get());
        LiveSocket live = new LiveSocket(Arc.container().instance(CurrentIdentityAssociation.class).get(),
                Arc.container().instance(CurrentVertxRequest.class).get(), liveConfig,
                liveConnections, Arc.container().instance(RateLimitFilter.class).get(),
                Arc.container().instance(PersistedQueries.class).get(),
                Arc.container().instance(IdentityProviderManager.class).get());
        router.get(PATH).order(RouteOrder.LIVE.order).handler(ctx -> {
            if (LiveSocket.isUpgrade(ctx)) {
                live.handle(ctx);
            } else {
                ctx.next();
            }
        });
        LiveStream stream = new LiveStream(Arc.container().instance(CurrentIdentityAssociation.class).get(),
                Arc.container().instance(CurrentVertxRequest.class).get(), liveConfig, liveConnections,
                Arc.container().instance(PersistedQueries.class).get());
        router.get(LiveStream.PATH).order(RouteOrder.BODY.order).handler(stream);
        router.post(LiveStream.PATH).order(RouteOrder.BODY.order).handler(ctx -> {
            ctx.request().resume();
            body.handle(ctx);
        }).handler(stream);
        router.post(PATH).order(RouteOrder.BODY.order).handler(ctx -> {
            ctx.request().resume();
            body.handle(ctx);
        }).handler(persisted::post).handler(this::post);
        router.get(PATH).order(RouteOrder.BODY.order).handler(persisted::get);
        GraphQLQueryHandler queries = new GraphQLQueryHandler(Arc.container().instance(CurrentIdentityAssociation.class).get(),
                Arc.container().instance(CurrentVertxRequest.class).get(), dataVersion, limits.cacheMaxAge(), responseCache,
                limits.checks() ? limits.requestTimeout() : null);
        router.get(PATH).order(RouteOrder.KEPT_ANSWERS.order).handler(queries);
        // every POST that got here was checked: queries are answered like those by GET (kept answers), mutations run
        // within the same time budget and limits, without kept answers
        router.post(PATH).order(RouteOrder.KEPT_ANSWERS.order).handler(ctx -> {
            if (GraphQLQueryHandler.postResponseType(ctx) == null) {
                HttpAnswers.error(ctx, 406, ErrorCodes.BAD_REQUEST, "Accept: GraphQL answers in UTF-8 only, as "
                        + "application/graphql-response+json or application/json");
                return;
            }
            queries.handle(ctx);
        });
    }

    private void method(RoutingContext ctx) {
        if (METHODS.contains(ctx.request().method().name())) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("Allow", "GET, POST, OPTIONS");
        HttpAnswers.error(ctx, 405, ErrorCodes.METHOD_NOT_ALLOWED, "Send GraphQL by POST (any operation) or GET (queries only)");
    }

    private void post(RoutingContext ctx) {
        String contentType = ctx.request().getHeader("Content-Type");
        acceptJson(ctx);
        if (contentType == null || contentType.isBlank()) {
            HttpAnswers.error(ctx, 415, ErrorCodes.BAD_REQUEST, "Content-Type: required; send the request as "
                    + "application/json ({\"query\": \"...\"}) or the document alone as application/graphql");
            return;
        }
        boolean document = GraphQLRequest.isDocumentAlone(contentType);
        if (!document && !contentType.trim().toLowerCase(Locale.ROOT).startsWith("application/json")) {
            // a browser's fetch of a string body sends text/plain: GraphQL over HTTP asks for a 4xx, not a guess
            HttpAnswers.error(ctx, 415, ErrorCodes.BAD_REQUEST, "Content-Type: " + mediaType(contentType) + " is not taken; "
                    + "send the request as application/json ({\"query\": \"...\"}) or the document alone as application/graphql");
            return;
        }
        String rewritten = ctx.get(PersistedQueryRoutes.REWRITTEN_BODY);
        String body = rewritten != null ? rewritten : ctx.body() == null ? null : ctx.body().asString();
        try {
            GraphQLRequest request = document ? GraphQLRequest.fromParameters(body, null, null) : GraphQLRequest.fromJson(body);
            ctx.put(GraphQLQueryHandler.CHECKED_REQUEST, request);
            ctx.put(GraphQLQueryHandler.MUTATION, GraphQLQueryHandler.operation(request) == OperationDefinition.Operation.MUTATION);
            ctx.next();
        } catch (GraphQLRequest.Refused refused) {
            String answer = GraphQLQueryHandler.postResponseType(ctx);
            if (refused.unparsable() && (answer == null || !answer.startsWith("application/graphql-response"))) {
                HttpAnswers.error(ctx, 400, refused.code(), refused.getMessage()); // 400 in application/json too
            } else {
                HttpAnswers.requestError(ctx, answer, refused.code(), refused.getMessage());
            }
        }
    }

    /** The media type of a Content-Type header without its parameters, cut short: it is quoted back to the client. */
    private static String mediaType(String contentType) {
        String type = contentType.split(";", 2)[0].trim();
        return type.length() > 60 ? type.substring(0, 60) + "…" : type;
    }

    /**
     * GraphQL answers only in JSON. A client that names no JSON type (no Accept, any type, or only other types) gets
     * application/json, as GraphQL over HTTP asks of a server for clients that predate application/graphql-response+json.
     */
    private static void acceptJson(RoutingContext ctx) {
        String accept = ctx.request().getHeader("Accept");
        if (accept == null || !accept.contains("json")) {
            ctx.request().headers().set("Accept", "application/json");
        }
    }

    private void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationException) {
            ctx.next(); // Quarkus answers these with the authentication challenge
            return;
        }
        if (ctx.statusCode() == 413) {
            HttpAnswers.error(ctx, 413, ErrorCodes.REQUEST_TOO_LARGE, "The request body is larger than the limit of "
                    + maxBodyBytes / 1024 + " KiB");
            return;
        }
        if (failure == null) {
            int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            HttpAnswers.error(ctx, status, status < 500 ? ErrorCodes.BAD_REQUEST : ErrorCodes.INTERNAL,
                    status < 500 ? "The request was refused (HTTP " + status + ")" : "Internal error");
            return;
        }
        ErrorClassifier.Coded c = GraphQLErrors.classify(failure, null);
        int status = switch (c.code()) {
            case ErrorCodes.SERVICE_UNAVAILABLE -> 503;
            case ErrorCodes.TIMEOUT -> 504;
            case ErrorCodes.BAD_USER_INPUT, ErrorCodes.NOT_FOUND -> 400;
            default -> 500;
        };
        LOG.debugf("Failure on %s answered %d %s", PATH, status, c.code());
        HttpAnswers.error(ctx, status, c.code(), c.message());
    }
}
