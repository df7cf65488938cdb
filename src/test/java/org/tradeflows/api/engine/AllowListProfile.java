package org.tradeflows.api.engine;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Allow-list mode: only registered documents run as queries. */
public class AllowListProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tradeflows.graphql.persisted.only", "true");
    }
}
