package org.tradeflows.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.tradeflows.config.HttpConfig;

/**
 * The answers no endpoint gives itself, coded like every other error: a request line or headers over the limit (414,
 * 431), a path that names nothing (404), and any failure that reaches the router without an answer.
 *
 * <p>Vert.x's HTTP decoder answers an over-long request line or header block itself, with an empty body, before any
 * route runs, and Quarkus exposes no hook for that answer. So the decoder's limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set high and the limits users
 * meet are enforced here, with a coded body; only requests beyond the decoder's own limits still get its bare status.
 */
@ApplicationScoped
public class HttpErrorRoutes {

    private final int maxRequestLine;
    private final long maxHeaderBytes;

    public HttpErrorRoutes(HttpConfig config) {
        this.maxRequestLine = config.maxRequestLine();
        this.maxHeaderBytes = config.maxHeaderSize().asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::limits);
        router.route().order(Integer.MAX_VALUE - 1).handler(ctx -> {
            if (!ctx.response().ended()) {
                HttpAnswers.error(ctx, 404, ErrorCodes.NOT_FOUND, NotFoundAnswers.message(ctx.normalizedPath()));
            }
        });
        router.route().order(Integer.MAX_VALUE - 1).failureHandler(this::failure);
    }

    private void limits(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        int line = request.method().name().length() + request.uri().length() + " HTTP/1.1".length() + 1;
        if (line > maxRequestLine) {
            ctx.response().putHeader("Connection", "close");
            HttpAnswers.error(ctx, 414, ErrorCodes.REQUEST_TOO_LARGE, "The URL is " + request.uri().length()
                    + " characters long, over the limit of about " + maxRequestLine + "; send a long GraphQL query by POST");
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> h : request.headers()) {
            headers += h.getKey().length() + h.getValue().length() + 4;
        }
        if (headers > maxHeaderBytes) {
            ctx.response().putHeader("Connection", "close");
            HttpAnswers.error(ctx, 431, ErrorCodes.REQUEST_TOO_LARGE, "The request headers take " + headers
                    + " bytes, over the limit of " + maxHeaderBytes + "; send fewer or shorter headers");
            return;
        }
        ctx.next();
    }

    /** A failure no route answered: its status when it has one, else what the failure is (database, or internal). */
    private void failure(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        int status = ctx.statusCode();
        if (ctx.failure() == null || status == 413 || (status >= 400 && status < 500)) {
            int s = status > 0 ? status : 500;
            String code = switch (s) {
                case 401 -> ErrorCodes.UNAUTHENTICATED;
                case 403 -> ErrorCodes.FORBIDDEN;
                case 404 -> ErrorCodes.NOT_FOUND;
                case 405 -> ErrorCodes.METHOD_NOT_ALLOWED;
                case 413, 414, 431 -> ErrorCodes.REQUEST_TOO_LARGE;
                default -> s < 500 ? ErrorCodes.BAD_REQUEST : ErrorCodes.INTERNAL;
            };
            String message = switch (s) {
                case 404 -> NotFoundAnswers.message(ctx.normalizedPath());
                case 413 -> "The request body is larger than this path takes";
                default -> s < 500 ? "The request was refused (HTTP " + s + ")" : "Internal error";
            };
            HttpAnswers.error(ctx, s, code, message);
            return;
        }
        ErrorClassifier.Coded c = ErrorClassifier.classify(ctx.failure(), null);
        HttpAnswers.error(ctx, HttpAnswers.status(c.code()), c.code(), c.message());
    }
}
