package org.tradeflows.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * State shared between service instances in Redis: rate-limit windows and kept answers. Without a URL every instance
 * keeps both in its own memory, as one instance always did.
 */
@ConfigMapping(prefix = "tradeflows.redis")
public interface RedisConfig {

    /** The Redis server shared by the instances ({@code redis://host:port/db}); none keeps everything per instance. */
    Optional<String> url();

    /** Longest wait for one Redis command; past it the request goes on with this instance's own state. */
    @WithDefault("500MS")
    Duration timeout();

    /** How often an instance that lost Redis tries it again. */
    @WithDefault("1S")
    Duration retry();

    /** Prefix of every Redis key, so that several deployments may share one Redis. */
    @WithDefault("tradeflows:")
    String prefix();

    /** How long a kept answer stays in Redis at most (it is also dropped as soon as the data version moves). */
    @WithDefault("1H")
    Duration answerTtl();

    /** Largest answer kept in Redis; larger ones are kept only in the memory of the instance that ran them. */
    @WithDefault("1M")
    MemorySize answerMaxSize();
}
