package org.tradeflows.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * Every limit on a request, as configuration (the README has the table). The defaults are the values in force:
 * application.properties needs no line for them, only its %test overrides.
 */
@ConfigMapping(prefix = "tradeflows.limits")
public interface LimitsConfig {

    /**
     * Bench only, never off in service: false switches off the checks of a GraphQL request (depth, cost and field
     * count, and the request's time budget) so that bench/limits.sh can measure what they cost.
     */
    @WithDefault("true")
    boolean checks();

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

    /** Time after which PostgreSQL cancels a statement run for an API request (read once, by Jdbc; whole seconds). */
    @WithDefault("10S")
    Duration statementTimeout();

    /** How long browsers and caches may reuse an answer to a GET query before revalidating it with its ETag. */
    @WithDefault("60S")
    Duration cacheMaxAge();

    /** The rate limit of the API and the exports. */
    RateLimit rateLimit();

    /** Requests per window: anonymous callers per IP address, keys per key according to their role. */
    interface RateLimit {

        /** Whether requests are counted at all; off, no caller is ever answered RATE_LIMITED. */
        @WithDefault("true")
        boolean enabled();

        /** Paths counted (each with everything below it): the API and the streaming exports. */
        @WithDefault("/graphql,/export")
        List<String> paths();

        /** The window over which requests are counted; the counts start again at its end. */
        @WithDefault("60S")
        Duration window();

        /** Requests per window from one IP address without a key. */
        @WithDefault("600")
        int anonymous();

        /** Requests per window with one reader key. */
        @WithDefault("6000")
        int reader();

        /** Requests per window with one curator key. */
        @WithDefault("6000")
        int curator();

        /** Requests per window with one admin key. */
        @WithDefault("6000")
        int admin();
    }
}
