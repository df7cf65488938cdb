package org.tradeflows.api.engine;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import org.tradeflows.support.OwnRedis;

/**
 * Two instances sharing Redis: the tests' own redis-server (which they stop and start), a reader's limit small enough
 * to reach in a burst, in a window long enough not to turn during it, and a Redis deadline that a loaded machine meets.
 */
public class SeveralInstancesProfile implements QuarkusTestProfile {

    /** The settings both instances run with (the second one, a child process, gets them as -D properties). */
    static final Map<String, String> SHARED = Map.of(
            "tradeflows.redis.url", OwnRedis.URL,
            "tradeflows.redis.timeout", "3S",
            "tradeflows.redis.retry", "200MS",
            "tradeflows.limits.rate-limit.reader", "40",
            "tradeflows.limits.rate-limit.anonymous", "1000000",
            "tradeflows.limits.rate-limit.window", "3600S",
            "tradeflows.admin-key", "test-admin-key");

    @Override
    public Map<String, String> getConfigOverrides() {
        return SHARED;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OwnRedis.class));
    }
}
