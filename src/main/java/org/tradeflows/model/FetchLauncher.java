package org.tradeflows.model;

import java.util.List;

/**
 * Starts fetches from the publishers for the API (implemented by fetch/FetchService): the API names what it wants in
 * plain values, so that api/ does not depend on fetch/, which depends on the loaders.
 */
public interface FetchLauncher {

    /** Years, exporters and importers (ISO alpha-3) and HS codes or chapters; null or empty lists mean all. */
    record Filter(List<Integer> years, List<String> exporters, List<String> importers, List<String> hs) {
    }

    /**
     * Queues a fetch in the caller's name and returns its run (ended, with {@code wait}). Throws {@link BadUserInputException} for a bad
     * source, version or filter and a {@link CodedException} FETCH_ALREADY_RUNNING while another fetch is queued or
     * running.
     */
    FetchRunRecord start(String source, Filter filter, String version, boolean dryRun, boolean keepValid, boolean wait);

    /** As {@link #start(String, Filter, String, boolean, boolean, boolean)}, with a source's own options by name. */
    FetchRunRecord start(String source, Filter filter, String version, java.util.Map<String, String> options,
            boolean dryRun, boolean keepValid, boolean wait);

    /** Runs, newest first, of one source (null: all), at most {@code first} (1 to 100). */
    List<FetchRunRecord> runs(String source, int first);
}
