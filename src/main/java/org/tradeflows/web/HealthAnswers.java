package org.tradeflows.web;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.function.Supplier;
import org.tradeflows.http.ErrorCodes;
import org.tradeflows.http.RestErrorMappers;

/**
 * /q/health, /q/health/live and /q/health/ready as MicroProfile Health reports them, and, when a check is down, also
 * the {@code errors[].extensions.code} every other error answer carries (SERVICE_UNAVAILABLE, with Retry-After), so a
 * client handles an unready service the way it handles any other refusal.
 */
@ApplicationScoped
public class HealthAnswers {

    private final SmallRyeHealthReporter reporter;

    public HealthAnswers(SmallRyeHealthReporter reporter) {
        this.reporter = reporter;
    }

    void install(@Observes Router router) {
        router.get("/q/health").order(-20).blockingHandler(ctx -> answer(ctx, reporter::getHealth), false);
        router.get("/q/health/live").order(-20).blockingHandler(ctx -> answer(ctx, reporter::getLiveness), false);
        router.get("/q/health/ready").order(-20).blockingHandler(ctx -> answer(ctx, reporter::getReadiness), false);
    }

    private static void answer(RoutingContext ctx, Supplier<SmallRyeHealth> check) {
        SmallRyeHealth health = check.get();
        JsonObjectBuilder body = Json.createObjectBuilder(health.getPayload());
        if (health.isDown()) {
            body.add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("message", "The service is not ready: "
                            + (health.getPayload().toString().contains("\"unreachable\"") ? "the database is unreachable"
                                    : "a health check is down") + "; retry in a few seconds")
                    .add("extensions", Json.createObjectBuilder().add("code", ErrorCodes.SERVICE_UNAVAILABLE))));
            ctx.response().putHeader("Retry-After", RestErrorMappers.RETRY_AFTER_SECONDS);
        }
        ctx.response().setStatusCode(health.isDown() ? 503 : 200)
                .putHeader("Content-Type", "application/json; charset=UTF-8")
                .putHeader("Cache-Control", "no-store")
                .end(body.build().toString());
    }
}
