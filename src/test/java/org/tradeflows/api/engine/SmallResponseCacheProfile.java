package org.tradeflows.api.engine;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Room for a few small answers only: tradeflows.response-cache.max-size=16K. */
public class SmallResponseCacheProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tradeflows.response-cache.max-size", "16K");
    }
}
