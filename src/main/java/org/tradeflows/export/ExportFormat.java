package org.tradeflows.export;

import org.tradeflows.model.InputMessages;
import org.tradeflows.model.NotFoundException;
import org.tradeflows.model.Printable;

/** The two export formats: CSV with a header row (RFC 4180), and newline-delimited JSON objects. */
public enum ExportFormat {
    CSV("text/csv; charset=utf-8", "csv"),
    NDJSON("application/x-ndjson", "ndjson");

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
                + "' is not an export format; use csv or ndjson"
                + InputMessages.suggestion(extension, java.util.List.of("csv", "ndjson")));
    }
}
