package org.tradeflows.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The cache of whole /graphql answers, keyed by ETag (data version, request, caller) and type (ResponseCache). */
@ConfigMapping(prefix = "tradeflows.response-cache")
public interface ResponseCacheConfig {

    /** Whether whole answers are kept and served again (with their ETag) while the data version stands. */
    @WithDefault("true")
    boolean enabled();

    /** Most bytes held: answer bodies plus their keys. */
    @WithDefault("64M")
    MemorySize maxSize();
}
