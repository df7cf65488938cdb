package org.tradeflows.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a typed export file says of itself (Parquet key-value metadata, Arrow schema metadata): which export, with
 * which filter, cut from which data release, and what each column holds (from export/columns.properties).
 */
record ExportMetadata(String export, String release, String filter, String groupBy) {

    static final String PREFIX = "tradeflows.";
    private static final Properties DESCRIPTIONS = load();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = ExportMetadata.class.getResourceAsStream("/export/columns.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** What a column holds, in a user's words; empty for a column without a description. */
    static String description(String column) {
        return DESCRIPTIONS.getProperty(column, "");
    }

    /** The file-level entries, keys prefixed {@value #PREFIX}; the column descriptions as one JSON object. */
    Map<String, String> entries(List<String> columns) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(PREFIX + "export", export);
        m.put(PREFIX + "release", release == null ? "" : release);
        m.put(PREFIX + "filter", filter == null ? "" : filter);
        if (groupBy != null && !groupBy.isBlank()) {
            m.put(PREFIX + "groupBy", groupBy);
        }
        Map<String, String> descriptions = new LinkedHashMap<>();
        columns.forEach(c -> descriptions.put(c, description(c)));
        try {
            m.put(PREFIX + "columns", JSON.writeValueAsString(descriptions));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        m.put(PREFIX + "publisher", "Tradeflows (open data; each row names its source)");
        return m;
    }
}
