package org.tradeflows.api.engine;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Limits small enough to reach in a test: 3 anonymous requests a minute (5, 4 and 8 per reader, curator and admin key), 1 s statements, 4 connections. */
public class TightLimitsProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "tradeflows.limits.rate-limit.anonymous", "3",
                "tradeflows.limits.rate-limit.reader", "5",
                "tradeflows.limits.rate-limit.curator", "4",
                "tradeflows.limits.rate-limit.admin", "8",
                "tradeflows.limits.rate-limit.window", "60S",
                "tradeflows.limits.statement-timeout", "1s",
                "quarkus.datasource.jdbc.max-size", "4",
                "quarkus.datasource.jdbc.acquisition-timeout", "1S");
    }
}
