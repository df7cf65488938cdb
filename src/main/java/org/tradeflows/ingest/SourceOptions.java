package org.tradeflows.ingest;

import java.time.LocalDate;

/**
 * The source a load's rows are attributed to: an existing source by key, or a new one (or new details for an
 * existing one) when a title is given. The citation defaults to the title.
 */
public record SourceOptions(String key, String title, String kind, String publisher, String url, String licence,
        String citation, LocalDate publishedOn) {

    public static SourceOptions byKey(String key) {
        return new SourceOptions(key, null, null, null, null, null, null, null);
    }

    public boolean describesSource() {
        return title != null && !title.isBlank();
    }
}
