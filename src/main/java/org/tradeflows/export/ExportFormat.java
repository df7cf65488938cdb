package org.tradeflows.export;

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
        throw new org.tradeflows.model.NotFoundException("format: '" + org.tradeflows.model.Printable.of(extension)
                + "' is not an export format; use csv or ndjson"
                + org.tradeflows.input.InputMessages.suggestion(extension, java.util.List.of("csv", "ndjson")));
    }
}
