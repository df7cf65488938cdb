package org.tradeflows.model;

import java.time.OffsetDateTime;

/** One load of data as the data_release table holds it; the api type {@code DataRelease} gives it its global id. */
public record DataReleaseRecord(long id, String key, String version, ReleaseKind kind, boolean synthetic,
        OffsetDateTime releasedAt, String contentSha256, String counts, String changelog, Long sourceId,
        Provenance provenance) {

    /**
     * Where a fetched release came from, as its publisher names it; null for releases not fetched.
     *
     * @param upstreamVersion the publisher's own version (BACI: 202501)
     * @param filter what was taken from the publisher's data (years, countries, HS codes)
     */
    public record Provenance(String publisher, String upstreamVersion, String url, String licence, String citation,
            OffsetDateTime retrievedAt, String filter) {
    }
}
