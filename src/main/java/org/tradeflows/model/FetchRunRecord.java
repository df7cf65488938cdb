package org.tradeflows.model;

import java.time.OffsetDateTime;

/** One fetch from a publisher as the fetch_run table holds it. */
public record FetchRunRecord(long id, String source, FetchState state, String filter, boolean dryRun,
        String requestedBy, String upstreamVersion, String url, OffsetDateTime createdAt, OffsetDateTime startedAt,
        OffsetDateTime finishedAt, long bytesRead, Long bytesTotal, long rowsRead, long rowsLoaded, String errorCode,
        String errorMessage, String message, Long releaseId) {
}
