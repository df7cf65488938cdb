package org.tradeflows.export;

import org.tradeflows.model.InputMessages;
import org.tradeflows.model.NotFoundException;
import org.tradeflows.model.Printable;

/**
 * The export formats: CSV with a header row (RFC 4180), newline-delimited JSON objects, Apache Parquet, and the Apache
 * Arrow IPC stream format.
 */
public enum ExportFormat {
    CSV("text/csv; charset=utf-8", "csv"),
    NDJSON("application/x-ndjson", "ndjson"),
    PARQUET("application/vnd.apache.parquet", "parquet"),
    ARROW("application/vnd.apache.arrow.stream", "arrow");

    final String mediaType;
    final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    static ExportFormat of(String extension) {
        for (ExportFormat f : values()) {
            if (f.extension.equals(extension)) {
                return f;
            }
        }
        throw new NotFoundException("format: '" + Printable.of(extension)
                + "' is not an export format; use csv, ndjson, parquet or arrow"
                + InputMessages.suggestion(extension, java.util.List.of("csv", "ndjson", "parquet", "arrow")));
    }
}
