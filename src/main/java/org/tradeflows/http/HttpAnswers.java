package org.tradeflows.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers given before GraphQL runs, in the shape of a GraphQL response: {"errors":[{message, extensions.code}]}. */
public final class HttpAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
    public static final String JSON_UTF8 = "application/json; charset=UTF-8";

    private HttpAnswers() {
    }

    public static void error(RoutingContext ctx, int status, String code, String message) {
        if (ctx.response().ended()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.response().end(); // too late for a status: at least never leave the client waiting
            return;
        }
        if (ErrorCodes.SERVICE_UNAVAILABLE.equals(code)) {
            ctx.response().putHeader("Retry-After", RestErrorMappers.RETRY_AFTER_SECONDS);
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", JSON_UTF8)
                .putHeader("Cache-Control", "no-store")
                .end(body(code, message));
    }

    /**
     * A GraphQL request error (a body, parameter or document that cannot run), answered as GraphQL over HTTP asks:
     * 400 in application/graphql-response+json, 200 with the errors in application/json (what older clients expect).
     */
    public static void requestError(RoutingContext ctx, String mediaType, String code, String message) {
        boolean graphqlResponse = mediaType != null && mediaType.startsWith(GRAPHQL_RESPONSE_JSON);
        if (ctx.response().ended() || ctx.response().headWritten()) {
            error(ctx, 400, code, message);
            return;
        }
        ctx.response().setStatusCode(graphqlResponse ? 400 : 200)
                .putHeader("Content-Type", graphqlResponse ? GRAPHQL_RESPONSE_JSON + "; charset=UTF-8" : JSON_UTF8)
                .putHeader("Cache-Control", "no-store")
                .end(body(code, message));
    }

    /** The HTTP status of an answer that carries only this error code. */
    public static int status(String code) {
        return switch (code) {
            case ErrorCodes.BAD_USER_INPUT, ErrorCodes.BAD_REQUEST, ErrorCodes.GRAPHQL_PARSE_FAILED,
                    ErrorCodes.GRAPHQL_VALIDATION_FAILED, ErrorCodes.QUERY_TOO_COMPLEX -> 400;
            case ErrorCodes.UNAUTHENTICATED -> 401;
            case ErrorCodes.FORBIDDEN -> 403;
            case ErrorCodes.NOT_FOUND -> 404;
            case ErrorCodes.METHOD_NOT_ALLOWED -> 405;
            case ErrorCodes.REQUEST_TOO_LARGE -> 413;
            case ErrorCodes.RATE_LIMITED -> 429;
            case ErrorCodes.SERVICE_UNAVAILABLE -> 503;
            case ErrorCodes.TIMEOUT -> 504;
            default -> 500;
        };
    }

    public static String body(String code, String message) {
        return json(Map.of("errors", List.of(errorOf(code, message))));
    }

    /** Any answer body of plain maps and lists, as JSON text. */
    public static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One error as GraphQL-over-HTTP shapes it, message first: what CodedError.toSpecification writes for it too. */
    public static Map<String, Object> errorOf(String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", Map.of("code", code));
        return error;
    }
}
