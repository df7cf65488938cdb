package org.tradeflows.ingest;

import java.util.List;
import java.util.Map;

/**
 * What a load did, returned as JSON by the upload endpoint and printed by the load command.
 *
 * @param status LOADED, ALREADY_LOADED (the same file was loaded before: nothing changed), REJECTED (bad rows in
 *        all-or-nothing mode: nothing written), INVALID_FILE (the file as a whole cannot be read: nothing written)
 *        or DRY_RUN (everything checked and rolled back)
 * @param rows rows read = valid + skipped + rejected; valid = loaded + unchanged once written (nothing is loaded
 *        when the file is rejected)
 * @param written rows inserted or updated per table
 */
public record IngestReport(
        String status,
        String format,
        String mode,
        String source,
        Long releaseId,
        String releaseKey,
        String sha256,
        long bytes,
        Rows rows,
        Map<String, Long> written,
        List<Rejection> rejections,
        boolean rejectionsTruncated,
        List<Skip> skipped,
        List<Ambiguity> ambiguities,
        String error,
        Long errorLine,
        long elapsedMillis,
        long rowsPerSecond,
        String message) {

    public static final String LOADED = "LOADED";
    public static final String ALREADY_LOADED = "ALREADY_LOADED";
    public static final String REJECTED = "REJECTED";
    public static final String INVALID_FILE = "INVALID_FILE";
    public static final String DRY_RUN = "DRY_RUN";

    /**
     * Row totals: {@code valid} rows passed every check; of them {@code loaded} were inserted or changed and
     * {@code unchanged} were already there as they are; {@code skipped} rows are valid but not of what the format
     * loads (an aggregate partner, a person on a sanctions list).
     */
    public record Rows(long read, long valid, long loaded, long unchanged, long skipped, long rejected) {
    }

    /** Valid rows the format does not load, by reason, with the first line where it happened. */
    public record Skip(String reason, long rows, long firstLine) {
    }

    /** A name that matched more than one company: left unlinked, never merged. */
    public record Ambiguity(long line, String column, String name, String country, List<Candidate> candidates) {
    }

    public record Candidate(long id, String name, String country) {
    }

    public boolean succeeded() {
        return LOADED.equals(status) || ALREADY_LOADED.equals(status) || DRY_RUN.equals(status);
    }
}
