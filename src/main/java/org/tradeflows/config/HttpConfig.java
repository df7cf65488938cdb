package org.tradeflows.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The limits every HTTP request meets, enforced by HttpErrorRoutes with a coded body (the decoder's own limits,
 * quarkus.http.limits.max-initial-line-length and max-header-size, are set higher, so that users meet these first).
 */
@ConfigMapping(prefix = "tradeflows.http")
public interface HttpConfig {

    /** Longest request line (method, path with its query string, version) in characters; longer is answered 414. */
    @WithDefault("4096")
    int maxRequestLine();

    /** Most bytes of all request headers together; more is answered 431. */
    @WithDefault("20K")
    MemorySize maxHeaderSize();
}
