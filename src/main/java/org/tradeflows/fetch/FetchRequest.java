package org.tradeflows.fetch;

import java.util.Map;
import java.util.TreeMap;

/**
 * One fetch as asked for: the source by name ({@code baci}), the filter, the publisher's version (null: the
 * configured one), a dry run (everything downloaded and checked, nothing written), whether valid rows are loaded
 * when some are rejected (otherwise all or nothing, as {@code load}), and a source's own options (OpenSanctions'
 * {@code dataset}, the ECB's {@code currencies} and {@code from}).
 */
public record FetchRequest(String source, FetchFilter filter, String version, boolean dryRun, boolean keepValid,
        Map<String, String> options) {

    public FetchRequest {
        TreeMap<String, String> kept = new TreeMap<>();
        if (options != null) {
            options.forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    kept.put(k, v.trim());
                }
            });
        }
        options = kept;
    }

    public FetchRequest(String source, FetchFilter filter, String version, boolean dryRun, boolean keepValid) {
        this(source, filter, version, dryRun, keepValid, Map.of());
    }

    /** The filter and the source's options as text, as the run records them. */
    public String describe() {
        StringBuilder out = new StringBuilder(filter.toString());
        options.forEach((k, v) -> out.append(';').append(k).append('=').append(v));
        return out.toString();
    }

    /** A source's option, or null. */
    public String option(String name) {
        return options.get(name);
    }
}
