package org.tradeflows.fetch;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.tradeflows.config.FetchConfig;
import org.tradeflows.model.FetchRunRecord;
import org.tradeflows.model.FetchState;
import org.tradeflows.store.FetchRunStore;

/**
 * Readiness check "fetch": for each source, how its last finished fetch ended ({@code baci: FAILED DOWNLOAD_FAILED
 * (run 12)}). A failed fetch leaves the data as it was, so by default the check stays UP and only says so;
 * {@code tradeflows.fetch.failed-run-makes-unready=true} turns it DOWN instead, for operators who page on readiness.
 */
@Readiness
@ApplicationScoped
public class FetchReadiness implements HealthCheck {

    private final FetchRunStore runs;
    private final FetchConfig config;

    public FetchReadiness(FetchRunStore runs, FetchConfig config) {
        this.runs = runs;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("fetch").up();
        boolean failed = false;
        try {
            for (FetchRunRecord r : runs.lastFinishedPerSource()) {
                boolean f = r.state() == FetchState.FAILED;
                failed |= f;
                b.withData(r.source(), r.state() + (f ? " " + r.errorCode() : "") + " (run " + r.id() + ", " + r.finishedAt()
                        + ")");
            }
        } catch (RuntimeException e) {
            return b.withData("fetch", "unknown: the database is unreachable").build(); // the database check says DOWN
        }
        if (failed) {
            b.withData("lastFetch", "FAILED");
            if (config.failedRunMakesUnready()) {
                // "reason": what /q/health's error message says of a down check (web.HealthAnswers.REASON)
                b.down().withData("reason", "the last fetch of a source failed (see fetchRuns)");
            }
        }
        return b.build();
    }
}
