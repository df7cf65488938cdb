package org.tradeflows.api.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tradeflows.http.ErrorCodes;
import org.tradeflows.http.HttpAnswers;

/**
 * Apollo's persisted-query protocol on /graphql, before anything else reads the request (SmallRye's handler refuses
 * it): a request whose {@code extensions.persistedQuery} ({@code {"version": 1, "sha256Hash": "…"}}) names a document
 * by hash is given that document's text, so that what follows (the kept answers, the limits, SmallRye's handler for
 * mutations) sees an ordinary request. A hash alone that names no document is answered PersistedQueryNotFound (HTTP
 * 200, never cached: Apollo's clients then send the text with the hash, which registers it); a hash that is not the
 * text's is refused. In allow-list mode every query must be a registered document.
 *
 * <p>By POST the body is rewritten; by GET ({@code ?extensions=…&variables=…}, what CDNs cache) the query parameter
 * is set. Lookups that may read the database run on a worker thread.
 */
final class PersistedQueryRoutes {

    /** The request body with the persisted query's text in place of its hash, for the POST handler after this one. */
    static final String REWRITTEN_BODY = "tradeflows.graphql.rewritten-body";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARKER = "persistedQuery";

    private final PersistedQueries queries;

    PersistedQueryRoutes(PersistedQueries queries) {
        this.queries = queries;
    }

    /** After the body is read, before GraphQLEndpoint checks it. */
    void post(RoutingContext ctx) {
        String body = ctx.body() == null ? null : ctx.body().asString();
        boolean documentAlone = GraphQLRequest.isDocumentAlone(ctx.request().getHeader("Content-Type"));
        if (body == null || (!queries.allowListOnly() && (documentAlone || !body.contains(MARKER)))) {
            ctx.next(); // the usual request: nothing to do
            return;
        }
        String type = GraphQLQueryHandler.postResponseType(ctx);
        if (documentAlone) {
            resolve(ctx, type, null, body, null, text -> ctx.next());
            return;
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (java.io.IOException | RuntimeException e) {
            ctx.next(); // GraphQLEndpoint says what is wrong with the body
            return;
        }
        if (!(root instanceof ObjectNode request)) {
            ctx.next();
            return;
        }
        String hash;
        try {
            hash = hash(request.get("extensions"));
        } catch (PersistedQueries.Refusal refusal) {
            HttpAnswers.requestError(ctx, type, refusal.code, refusal.getMessage());
            return;
        }
        JsonNode query = request.get("query");
        if (hash == null && (query == null || !query.isTextual())) {
            ctx.next();
            return;
        }
        resolve(ctx, type, hash, query != null && query.isTextual() ? query.asText() : null, text(request.get("operationName")),
                text -> {
                    if (hash != null) { // an ordinary request from here on: the text, no persistedQuery extension
                        request.put("query", text);
                        if (request.get("extensions") instanceof ObjectNode extensions) {
                            extensions.remove(MARKER);
                        }
                        ctx.put(REWRITTEN_BODY, request.toString());
                    }
                    ctx.next();
                });
    }

    /** Before the GET handler: a hash in the extensions parameter becomes the query parameter. */
    void get(RoutingContext ctx) {
        String extensions = ctx.request().getParam("extensions");
        String query = ctx.request().getParam("query");
        if (!queries.allowListOnly() && (extensions == null || !extensions.contains(MARKER))) {
            ctx.next();
            return;
        }
        String type = GraphQLQueryHandler.responseType(ctx.request().getHeader("Accept"));
        String hash;
        try {
            hash = extensions == null ? null : hash(JSON.readTree(extensions));
        } catch (PersistedQueries.Refusal refusal) {
            HttpAnswers.requestError(ctx, type, refusal.code, refusal.getMessage());
            return;
        } catch (java.io.IOException | RuntimeException e) {
            HttpAnswers.requestError(ctx, type, ErrorCodes.BAD_REQUEST, "extensions: not valid JSON; pass a JSON object, "
                    + "URL-encoded, such as {\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"…\"}}");
            return;
        }
        if (hash == null && query == null) {
            ctx.next();
            return;
        }
        resolve(ctx, type, hash, query == null || query.isEmpty() ? null : query, ctx.request().getParam("operationName"),
                text -> {
                    if (query == null || query.isEmpty()) {
                        ctx.request().params().set("query", text);
                    }
                    ctx.next();
                });
    }

    private void resolve(RoutingContext ctx, String type, String hash, String query, String operationName,
            java.util.function.Consumer<String> then) {
        ctx.vertx().executeBlocking(() -> queries.resolve(hash, query, operationName), false).onComplete(done -> {
            if (done.succeeded()) {
                then.accept(done.result());
            } else if (done.cause() instanceof PersistedQueries.Refusal refusal) {
                if (ErrorCodes.PERSISTED_QUERY_NOT_FOUND.equals(refusal.code)) {
                    notFound(ctx, hash);
                } else {
                    HttpAnswers.requestError(ctx, type, refusal.code, refusal.getMessage());
                }
            } else {
                ctx.fail(done.cause());
            }
        });
    }

    /**
     * Apollo's answer to an unknown hash, as its clients match it (message PersistedQueryNotFound, or the code): HTTP
     * 200 whatever the media type, since those clients stop using persisted queries after a 400; never cached, since
     * the same URL answers once the text is registered.
     */
    private static void notFound(RoutingContext ctx, String hash) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", ErrorCodes.PERSISTED_QUERY_NOT_FOUND);
        extensions.put("description", "No document is known under extensions.persistedQuery.sha256Hash " + hash
                + "; send the query text with the same hash (once, by POST) and then the hash alone");
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", "PersistedQueryNotFound");
        error.put("extensions", extensions);
        ctx.response().setStatusCode(200).putHeader("Content-Type", HttpAnswers.JSON_UTF8)
                .putHeader("Cache-Control", "no-store").end(HttpAnswers.json(Map.of("errors", List.of(error))));
    }

    /** The hash of extensions.persistedQuery, checked; null when the request has none. */
    private static String hash(JsonNode extensions) throws PersistedQueries.Refusal {
        if (extensions == null || extensions.isNull()) {
            return null;
        }
        if (!extensions.isObject()) {
            throw new PersistedQueries.Refusal(ErrorCodes.BAD_REQUEST, "extensions: must be a JSON object");
        }
        JsonNode pq = extensions.get(MARKER);
        if (pq == null || pq.isNull()) {
            return null;
        }
        if (!pq.isObject() || !pq.path("version").isIntegralNumber() || pq.path("version").asInt() != 1) {
            throw new PersistedQueries.Refusal(ErrorCodes.BAD_REQUEST, "extensions.persistedQuery: must be "
                    + "{\"version\": 1, \"sha256Hash\": \"<SHA-256 of the query text, hex>\"}; only version 1 is supported");
        }
        String hash = pq.path("sha256Hash").asText("").toLowerCase(Locale.ROOT);
        if (!PersistedQueries.isHash(hash)) {
            throw new PersistedQueries.Refusal(ErrorCodes.BAD_REQUEST, "extensions.persistedQuery.sha256Hash: must be "
                    + "the SHA-256 of the query text as 64 hexadecimal digits");
        }
        return hash;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
