package org.tradeflows.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Every limit on a request, as configuration (the README has the table). */
@ConfigMapping(prefix = "tradeflows.limits")
public interface Limits {

    /** Deepest nesting of fields; GraphiQL's own introspection query needs about 15. */
    @WithDefault("20")
    int maxDepth();

    /** Highest cost of one operation: the values it resolves, every field 1, page sizes multiplied down the tree (QueryShape). */
    @WithDefault("25000")
    long maxCost();

    /** Most fields in one operation once its fragments are expanded (aliases and every spread counted; QueryShape). */
    @WithDefault("2000")
    long maxFields();

    /**
     * Longest a GraphQL request may take in all, statements included; past it the request is answered TIMEOUT and its
     * running statements are cancelled. A little above the statement timeout, so a single slow statement reports itself.
     */
    @WithDefault("12S")
    Duration requestTimeout();

    /** Time after which PostgreSQL cancels a statement run for an API request (read by Jdbc; whole seconds). */
    @WithDefault("10S")
    Duration statementTimeout();

    /** How long browsers and caches may reuse an answer to a GET query before revalidating it with its ETag. */
    @WithDefault("60S")
    Duration cacheMaxAge();

    RateLimit rateLimit();

    /** Requests per window: anonymous callers per IP address, keys per key according to their role. */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Paths counted (each with everything below it): the API and the streaming exports. */
        @WithDefault("/graphql,/export")
        java.util.List<String> paths();

        @WithDefault("60S")
        Duration window();

        @WithDefault("120")
        int anonymous();

        @WithDefault("1200")
        int reader();

        @WithDefault("1200")
        int curator();

        @WithDefault("1200")
        int admin();
    }
}
