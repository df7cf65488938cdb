package org.tradeflows.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Persisted queries (Apollo's protocol, the allow-list) and the permalinks that answer them (README, "Persisted queries"). */
@ConfigMapping(prefix = "tradeflows.graphql.persisted")
public interface PersistedQueriesConfig {

    /**
     * Allow-list mode: only documents registered (registerPersistedQuery, graphql/examples, graphql/explorer) run as
     * queries; any other query is refused PERSISTED_QUERY_NOT_ALLOWED. Mutations are not affected: each needs a curator's or admin's key.
     */
    @WithDefault("false")
    boolean only();

    /** Documents clients register by sending their text with its hash (outside allow-list mode), kept in memory at most. */
    @WithDefault("10000")
    int automaticMax();

    /**
     * Whether the documents in graphql/examples are registered at start, so that they can be sent by hash and cited (the
     * explorer's, in graphql/explorer, always are: it sends them and links their permalinks).
     */
    @WithDefault("true")
    boolean registerExamples();

    /** How long browsers and caches may keep a permalink's answer pinned to a release (it never changes). */
    @WithDefault("365d")
    Duration pinnedMaxAge();
}
