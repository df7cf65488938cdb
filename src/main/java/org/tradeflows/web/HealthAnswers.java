package org.tradeflows.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tradeflows.http.ErrorCodes;
import org.tradeflows.http.HttpAnswers;
import org.tradeflows.http.RestErrorMappers;

/**
 * /q/health, /q/health/live and /q/health/ready as MicroProfile Health reports them, and, when a check is down, also
 * the {@code errors[].extensions.code} every other error answer carries (SERVICE_UNAVAILABLE, with Retry-After), so a
 * client handles an unready service the way it handles any other refusal. The message gives each down check's
 * {@value #REASON} (data the check writes in a user's words), or the check's name when it states none.
 */
@ApplicationScoped
public class HealthAnswers {

    /** The key of a health check's data that says, in a user's words, why it is down. */
    public static final String REASON = "reason";

    private static final ObjectMapper PAYLOAD = new ObjectMapper();

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
        Map<String, Object> body = new LinkedHashMap<>(asMap(health.getPayload()));
        if (health.isDown()) {
            body.put("errors", List.of(HttpAnswers.errorOf(ErrorCodes.SERVICE_UNAVAILABLE,
                    "The service is not ready: " + String.join("; ", downReasons(health.getPayload()))
                            + "; retry in a few seconds")));
            ctx.response().putHeader("Retry-After", RestErrorMappers.RETRY_AFTER_SECONDS);
        }
        ctx.response().setStatusCode(health.isDown() ? 503 : 200)
                .putHeader("Content-Type", HttpAnswers.JSON_UTF8)
                .putHeader("Cache-Control", "no-store")
                .end(HttpAnswers.json(body));
    }

    static List<String> downReasons(JsonObject payload) {
        List<String> reasons = new ArrayList<>();
        for (JsonValue value : payload.getJsonArray("checks")) {
            JsonObject check = value.asJsonObject();
            if (!"DOWN".equals(check.getString("status", ""))) {
                continue;
            }
            JsonObject data = check.getJsonObject("data");
            reasons.add(data != null && data.containsKey(REASON) ? data.getString(REASON)
                    : "the " + check.getString("name", "unnamed") + " check is down");
        }
        return reasons.isEmpty() ? List.of("a health check is down") : reasons;
    }

    private static Map<String, Object> asMap(JsonObject payload) {
        try {
            return PAYLOAD.readValue(payload.toString(), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("SmallRye Health wrote a payload that is not JSON", e);
        }
    }
}
