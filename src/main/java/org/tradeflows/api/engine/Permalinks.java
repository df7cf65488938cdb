package org.tradeflows.api.engine;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.tradeflows.config.LimitsConfig;
import org.tradeflows.config.PersistedQueriesConfig;
import org.tradeflows.http.HttpAnswers;
import org.tradeflows.http.ErrorCodes;
import org.tradeflows.input.ReleaseRefs;
import org.tradeflows.store.DataVersion;
import org.tradeflows.store.ReleaseStore;
import org.tradeflows.store.SourceStore;

/**
 * Installs the permalinks of persisted queries, {@code GET /q/{sha256}} ({@link PermalinkHandler}). The route matches
 * only 64 hexadecimal digits, so Quarkus's own paths under /q (health, metrics, graphql-ui, openapi) are left alone.
 */
@ApplicationScoped
public class Permalinks {

    private final PersistedQueries queries;
    private final ReleaseRefs releaseRefs;
    private final ReleaseStore releases;
    private final SourceStore sources;
    private final DataVersion dataVersion;
    private final ResponseCache responseCache;
    private final LimitsConfig limits;
    private final PersistedQueriesConfig config;

    public Permalinks(PersistedQueries queries, ReleaseRefs releaseRefs, ReleaseStore releases, SourceStore sources,
            DataVersion dataVersion, ResponseCache responseCache, LimitsConfig limits, PersistedQueriesConfig config) {
        this.queries = queries;
        this.releaseRefs = releaseRefs;
        this.releases = releases;
        this.sources = sources;
        this.dataVersion = dataVersion;
        this.responseCache = responseCache;
        this.limits = limits;
        this.config = config;
    }

    void install(@Observes Router router) {
        PermalinkHandler handler = new PermalinkHandler(Arc.container().instance(CurrentIdentityAssociation.class).get(),
                Arc.container().instance(CurrentVertxRequest.class).get(), queries, releaseRefs, releases, sources,
                dataVersion, responseCache, limits.requestTimeout(), limits.cacheMaxAge(), config.pinnedMaxAge());
        router.routeWithRegex(PermalinkHandler.PATH_REGEX).handler(ctx -> {
            if ("GET".equals(ctx.request().method().name()) || "HEAD".equals(ctx.request().method().name())) {
                handler.handle(ctx);
            } else {
                ctx.response().putHeader("Allow", "GET");
                HttpAnswers.error(ctx, 405, ErrorCodes.METHOD_NOT_ALLOWED, "A permalink is read by GET");
            }
        });
    }
}
