package org.tradeflows.api.engine;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Whole answers are never kept: tradeflows.response-cache.enabled=false. */
public class ResponseCacheOffProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tradeflows.response-cache.enabled", "false");
    }
}
