package org.tradeflows.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import org.tradeflows.api.errors.CodedError;

/** Answers given before GraphQL runs, in the shape of a GraphQL response: {"errors":[{message, extensions.code}]}. */
public final class HttpAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=UTF-8")
                .putHeader("Cache-Control", "no-store")
                .end(body(code, message));
    }

    public static String body(String code, String message) {
        try {
            return JSON.writeValueAsString(Map.of("errors", List.of(CodedError.of(code, message).toSpecification())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
