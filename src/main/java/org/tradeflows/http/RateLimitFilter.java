package org.tradeflows.http;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.tradeflows.config.LimitsConfig;
import org.tradeflows.model.ApiRole;
import org.tradeflows.security.ApiKeyIdentityProvider;

/**
 * Counts every request to the API (and the other configured paths, such as exports) against its client's limit: anonymous callers per IP address, keys per key with
 * the limit of their role. Runs after authentication (so it knows the key) and before GraphQL; over the limit the
 * answer is HTTP 429 with Retry-After and the code RATE_LIMITED. Every answer tells the client where it stands in
 * X-RateLimit-Limit, -Remaining and -Reset.
 */
@ApplicationScoped
public class RateLimitFilter {

    /** After authentication (200) and authorization (100), before the routes. */
    static final int PRIORITY = 90;

    /** Permalinks of persisted queries run GraphQL: counted as /graphql is (Quarkus's other /q paths are not). */
    private static final java.util.regex.Pattern PERMALINK = java.util.regex.Pattern.compile("/q/[0-9a-fA-F]{64}");

    private final RateLimiter limiter;
    private final LimitsConfig.RateLimit config;

    public RateLimitFilter(RateLimiter limiter, LimitsConfig limits) {
        this.limiter = limiter;
        this.config = limits.rateLimit();
    }

    void register(@Observes Filters filters) {
        if (config.enabled()) {
            filters.register(this::filter, PRIORITY);
        }
    }

    private void filter(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        boolean counted = config.paths().stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))
                || PERMALINK.matcher(path).matches();
        if (!counted || "OPTIONS".equals(ctx.request().method().name())) {
            ctx.next();
            return;
        }
        SecurityIdentity identity = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        Optional<ApiRole> role = ApiKeyIdentityProvider.role(identity);
        String client = role.isEmpty() ? anonymousClient(ctx) : "key:" + keyOf(identity);
        admit(ctx, client, role.orElse(null)).onSuccess(admitted -> {
            if (admitted) {
                ctx.next();
            }
        });
    }

    /**
     * Counts a request and, when it is over the limit, answers 429 and completes with false; it completes on the
     * request's own thread. Also used for requests with a wrong key, which count against their IP address so that
     * guessing keys is rate limited too.
     */
    public Future<Boolean> admit(RoutingContext ctx, String client, ApiRole role) {
        int limit = limit(role);
        Context context = Vertx.currentContext();
        Promise<Boolean> admitted = Promise.promise();
        limiter.consume(client, limit, config.window().toMillis()).onComplete(decided -> SharedRedis.onContext(context,
                () -> admitted.complete(answer(ctx, decided.result(), limit, role))));
        return admitted.future();
    }

    private boolean answer(RoutingContext ctx, RateLimiter.Decision d, int limit, ApiRole role) {
        ctx.response().putHeader("X-RateLimit-Limit", String.valueOf(d.limit()))
                .putHeader("X-RateLimit-Remaining", String.valueOf(d.remaining()))
                .putHeader("X-RateLimit-Reset", String.valueOf(d.resetSeconds()));
        if (d.allowed()) {
            return true;
        }
        ctx.response().putHeader("Retry-After", String.valueOf(Math.max(1, d.resetSeconds())));
        String who = role == null ? "anonymous callers (per IP address)" : "keys of role " + role.name().toLowerCase(java.util.Locale.ROOT);
        HttpAnswers.error(ctx, 429, ErrorCodes.RATE_LIMITED, "Rate limit of " + limit + " requests per "
                + config.window().toSeconds() + " s for " + who + " reached; retry after " + Math.max(1, d.resetSeconds())
                + " s" + (role == null ? ", or ask for an API key, which has higher limits" : ""));
        return false;
    }

    /**
     * Counts one request of the client (its IP address as {@link #anonymousClient}, or "key:" and its key's id) against
     * the limit of its role, without answering anything: for requests that are not HTTP requests, such as each
     * subscription started on a WebSocket. Always allowed when rate limiting is off.
     */
    public Future<RateLimiter.Decision> consume(String client, ApiRole role) {
        int limit = limit(role);
        if (!config.enabled()) {
            return Future.succeededFuture(new RateLimiter.Decision(true, limit, limit, 0));
        }
        return limiter.consume(client, limit, config.window().toMillis());
    }

    private int limit(ApiRole role) {
        return role == null ? config.anonymous() : switch (role) {
            case ADMIN -> config.admin();
            case CURATOR -> config.curator();
            case READER -> config.reader();
        };
    }

    /** The client a key counts as ("key:" and the key's id). */
    public static String keyClient(SecurityIdentity identity) {
        return "key:" + keyOf(identity);
    }

    public static String anonymousClient(RoutingContext ctx) {
        return "ip:" + (ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host());
    }

    private static String keyOf(SecurityIdentity identity) {
        Object id = identity.getAttribute(ApiKeyIdentityProvider.KEY_ID);
        return id == null ? identity.getPrincipal().getName() : id.toString();
    }

    public boolean enabled() {
        return config.enabled();
    }
}
