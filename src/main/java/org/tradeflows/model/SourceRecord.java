package org.tradeflows.model;

import java.time.LocalDate;

/** A source as stored, with its database id; the API's Source is made from it. */
public record SourceRecord(long id, String key, String title, String publisher, String url, LocalDate publishedOn,
        SourceKind kind, String licence, String citation, String note) {
}
