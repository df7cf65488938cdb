package org.tradeflows.fetch;

import org.tradeflows.ingest.IngestReport;
import org.tradeflows.model.FetchState;

/**
 * What a fetch did: SUCCEEDED (loaded, or checked for a dry run) or SKIPPED_UNCHANGED; failures are
 * {@link FetchException}s.
 *
 * @param report the load's report (null when nothing was fetched)
 */
public record FetchOutcome(FetchState state, String upstreamVersion, String url, Long releaseId, long bytes,
        String sha256, IngestReport report, String message) {

    public long rowsRead() {
        return report == null ? 0 : report.rows().read();
    }

    public long rowsLoaded() {
        return report == null ? 0 : report.rows().loaded();
    }
}
