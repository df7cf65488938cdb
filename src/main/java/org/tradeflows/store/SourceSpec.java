package org.tradeflows.store;

import java.time.LocalDate;

/**
 * A source as described in a dataset file, an upload's options or the generator; written by
 * {@link SourceStore#upsert(java.sql.Connection, SourceSpec)}.
 */
public record SourceSpec(String key, String kind, String title, String publisher, String url, LocalDate publishedOn,
        String licence, String citation, String note) {
}
