package org.tradeflows.model;

import java.time.OffsetDateTime;

/** One load of data as the data_release table holds it; the api type {@code DataRelease} gives it its global id. */
public record DataReleaseRecord(long id, String key, String version, ReleaseKind kind, boolean synthetic,
        OffsetDateTime releasedAt, String contentSha256, String counts, String changelog, Long sourceId) {
}
