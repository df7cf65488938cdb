package org.tradeflows.api.engine;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A request budget short enough to reach in a test: 2 s for a request, 1 s for a statement. */
public class BoundedExecutionProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "tradeflows.limits.request-timeout", "2s",
                "tradeflows.limits.statement-timeout", "1s");
    }
}
