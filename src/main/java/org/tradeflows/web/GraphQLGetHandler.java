package org.tradeflows.web;

import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.tradeflows.api.errors.CodedError;
import org.tradeflows.api.errors.ErrorClassifier;
import org.tradeflows.api.errors.ErrorCodes;

/**
 * Queries by HTTP GET ({@code /graphql?query=…&variables=…&operationName=…}) for browsers and caches. The answer
 * carries an ETag made of the data version (newest release and newest correction), the request and the caller, and
 * Cache-Control; a matching If-None-Match is answered 304 without running the query, and an answer the server keeps
 * ({@link ResponseCache}) is sent again without running it. Mutations are refused (405):
 * a GET must never change anything.
 */
public class GraphQLGetHandler extends SmallRyeGraphQLAbstractHandler {

    private final Supplier<String> dataVersion;
    private final Duration maxAge;
    private final ResponseCache answers;

    public GraphQLGetHandler(CurrentIdentityAssociation identity, CurrentVertxRequest request, Supplier<String> dataVersion,
            Duration maxAge, ResponseCache answers) {
        super(identity, request, false);
        this.dataVersion = dataVersion;
        this.maxAge = maxAge;
        this.answers = answers;
    }

    @Override
    protected void doHandle(RoutingContext ctx) {
        GraphQLRequest request;
        try {
            request = GraphQLRequest.fromParameters(ctx.request().getParam("query"), ctx.request().getParam("variables"),
                    ctx.request().getParam("operationName"));
            Document document = request.parse();
            OperationDefinition.Operation kind = request.operation(document).map(OperationDefinition::getOperation)
                    .orElse(OperationDefinition.Operation.QUERY);
            if (kind != OperationDefinition.Operation.QUERY) {
                ctx.response().putHeader("Allow", "POST");
                HttpAnswers.error(ctx, 405, ErrorCodes.METHOD_NOT_ALLOWED, "A " + kind.name().toLowerCase(java.util.Locale.ROOT)
                        + " cannot be sent by GET; send it by POST");
                return;
            }
        } catch (GraphQLRequest.Refused refused) {
            HttpAnswers.error(ctx, refused.status(), refused.code(), refused.getMessage());
            return;
        }
        Map<String, Object> metaData = getMetaData(ctx); // captured while the request context is active
        String authorization = ctx.request().getHeader("Authorization");
        ctx.vertx().executeBlocking(dataVersion::get, false).onComplete(version -> {
            if (version.failed()) {
                ErrorClassifier.Coded c = ErrorClassifier.classify(version.cause(), null);
                HttpAnswers.error(ctx, ErrorCodes.SERVICE_UNAVAILABLE.equals(c.code()) ? 503 : 500, c.code(), c.message());
                return;
            }
            String etag = "W/\"" + version.result() + "-" + fingerprint(request, authorization) + "\"";
            ctx.response().putHeader("ETag", etag)
                    .putHeader("Vary", "Authorization")
                    .putHeader("Cache-Control", (authorization == null ? "public" : "private") + ", max-age="
                            + maxAge.toSeconds());
            if (matches(ctx.request().getHeader("If-None-Match"), etag)) {
                ctx.response().setStatusCode(304).end();
                return;
            }
            String type = responseType(ctx.request().getHeader("Accept"));
            String key = etag + " " + type;
            Optional<ResponseCache.Answer> cached = answers.get(key);
            if (cached.isPresent()) {
                ctx.response().setStatusCode(200).putHeader("Content-Type", cached.get().contentType())
                        .end(Buffer.buffer(cached.get().body()));
                return;
            }
            try {
                getExecutionService().executeAsync(input(request), metaData, new Writer(ctx, type, key, answers));
            } catch (RuntimeException e) {
                ErrorClassifier.Coded c = ErrorClassifier.classify(e, null);
                HttpAnswers.error(ctx, 500, c.code(), c.message());
            } finally {
                SmallRyeContextManager.clearCurrentSmallRyeContext();
            }
        });
    }

    private static jakarta.json.JsonObject input(GraphQLRequest request) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("query", request.query());
        if (request.variables() != null) {
            b.add("variables", Json.createReader(new StringReader(request.variablesJson())).readObject());
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
     * Writes the GraphQL answer; answers with errors that may pass by themselves are not to be cached by clients, and
     * the server keeps only answers without any error.
     */
    private static final class Writer implements ExecutionResponseWriter {
        private final RoutingContext ctx;
        private final String type;
        private final String key;
        private final ResponseCache answers;

        Writer(RoutingContext ctx, String type, String key, ResponseCache answers) {
            this.ctx = ctx;
            this.type = type;
            this.key = key;
            this.answers = answers;
        }

        @Override
        public void write(ExecutionResponse er) {
            List<GraphQLError> errors = er.getExecutionResult().getErrors();
            boolean transientError = errors.stream()
                    .anyMatch(e -> e instanceof CodedError c && ErrorCodes.isTransient(c.code()));
            if (transientError) {
                ctx.response().headers().remove("ETag");
                ctx.response().putHeader("Cache-Control", "no-store");
            }
            byte[] body = er.getExecutionResultAsString().getBytes(StandardCharsets.UTF_8);
            if (errors.isEmpty()) {
                answers.put(key, new ResponseCache.Answer(type, body));
            }
            ctx.response().setStatusCode(200).putHeader("Content-Type", type).end(Buffer.buffer(body));
        }

        @Override
        public void fail(Throwable t) {
            ctx.fail(t);
        }
    }
}
