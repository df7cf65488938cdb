package org.tradeflows.http;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check "redis": whether rate limits and kept answers are shared between instances right now. Always UP:
 * without Redis the service still answers, with limits counted per instance.
 */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {

    private final SharedRedis redis;

    public RedisReadiness(SharedRedis redis) {
        this.redis = redis;
    }

    @Override
    public HealthCheckResponse call() {
        SharedRedis.State now = redis.state();
        var check = HealthCheckResponse.named("redis").up().withData("state", now.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' '));
        return switch (now) {
            case NOT_CONFIGURED -> check.withData("rateLimits", "per instance").withData("keptAnswers", "per instance").build();
            case CONNECTED -> check.withData("rateLimits", "shared").withData("keptAnswers", "shared")
                    .withData("server", redis.server()).build();
            case UNREACHABLE -> check.withData("rateLimits", "per instance until Redis answers again")
                    .withData("keptAnswers", "per instance until Redis answers again").withData("server", redis.server())
                    .withData("since", redis.since().toString()).build();
        };
    }
}
