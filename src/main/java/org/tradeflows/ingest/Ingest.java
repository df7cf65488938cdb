package org.tradeflows.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tradeflows.ingest.input.TextInput;
import org.tradeflows.ingest.reference.ReferenceData;
import org.tradeflows.store.ReleaseStore;
import org.tradeflows.store.SourceSpec;
import org.tradeflows.store.SourceStore;
import org.tradeflows.store.TradeVolumeHistoryStore;

/**
 * Loads one file in one transaction on a plain JDBC connection: the load command uses it before Quarkus starts,
 * the upload endpoint through CDI. Either everything the load writes is committed together with its data release,
 * or nothing is: bad rows in all-or-nothing mode, an unreadable file, a dry run, a file already loaded, a failure
 * or a killed process all end in a rollback. Loads are serialised by an advisory lock.
 */
public final class Ingest {

    private static final Pattern SOURCE_KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Ingest() {
    }

    /** The key of the data release a file becomes: one per format, source and content. */
    public static String releaseKey(IngestFormat format, String sourceKey, String sha256) {
        return "ingest-" + format.key() + "-" + sourceKey + "-" + sha256.substring(0, 16);
    }

    /** The source key a load will use (given, or the format's default). */
    public static String sourceKey(IngestOptions options) {
        if (options.source() != null && options.source().key() != null && !options.source().key().isBlank()) {
            return options.source().key().trim();
        }
        if (options.format().defaultSource() != null) {
            return options.format().defaultSource().key();
        }
        throw new IngestException("A " + options.format().title() + " file needs a source: name it (and give its title "
                + "when it is new).");
    }

    /** The release this exact file already became, if any (lets the command skip a file it has loaded before). */
    public static Optional<Long> loadedBefore(Connection c, IngestOptions options, String sha256) throws SQLException {
        return ReleaseStore.findByKey(c, releaseKey(options.format(), sourceKey(options), sha256));
    }

    public static IngestReport run(Connection c, InputStream in, IngestOptions options, RejectedRowsFile rejectedRows,
            ProgressListener progress) throws SQLException {
        return run(c, in, options, rejectedRows, progress, ReleasePlan.INGEST);
    }

    /** Loads as {@link #run(Connection, InputStream, IngestOptions, RejectedRowsFile, ProgressListener)}, the release made by the plan. */
    public static IngestReport run(Connection c, InputStream in, IngestOptions options, RejectedRowsFile rejectedRows,
            ProgressListener progress, ReleasePlan plan) throws SQLException {
        long started = System.nanoTime();
        LoadTally tally = new LoadTally(options.listLimit(), rejectedRows);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        TextInput input = null;
        String sha = null;
        String sourceKey = null;
        try {
            sourceKey = sourceKey(options);
            ReleaseStore.lock(c, "INGEST");
            ReferenceData reference = ReferenceData.load(c);
            long sourceId = source(c, options, sourceKey, reference);
            input = TextInput.open(in, options.format().delimiters(), options.charset());
            LoadContext context = new LoadContext(c, reference, sourceId, options, tally, input, progress);
            FormatLoader loader = options.format().loader();
            loader.read(context, input.reader());
            context.finished();
            sha = input.sha256();
            String key = plan.key(options, sourceKey, sha);
            Optional<Long> earlier = ReleaseStore.findByKey(c, key);
            if (earlier.isPresent()) {
                c.rollback();
                return report(IngestReport.ALREADY_LOADED, options, sourceKey, earlier.get(), key, sha, input, tally, true,
                        null, null, started, "This file was loaded before as release " + earlier.get() + "; nothing changed.");
            }
            // the release is made only now that the file is known to be new: a file loaded before draws no id
            long releaseId = ReleaseStore.insert(c, key, plan.version(sha), plan.kind(), plan.contentSha256(sha), sourceId,
                    null);
            context.release(releaseId);
            TradeVolumeHistoryStore.writingRelease(c, releaseId);
            if (context.writing()) {
                plan.beforeWrite(c, releaseId, sourceId);
                loader.write(context);
            }
            if (tally.rowsRejected() > 0 && !options.keepValid()) {
                c.rollback();
                return report(IngestReport.REJECTED, options, sourceKey, null, null, sha, input, tally, false, null, null,
                        started, tally.rowsRejected() + " of " + tally.rowsRead() + " rows are invalid: nothing was loaded. "
                                + "Fix them, or load the valid rows only (keep-valid).");
            }
            if (options.dryRun()) {
                c.rollback();
                return report(IngestReport.DRY_RUN, options, sourceKey, null, key, sha, input, tally, false, null, null,
                        started, "Dry run: everything was checked, nothing was written; a load would load "
                                + tally.rows(true).loaded() + " of " + tally.rowsRead() + " rows.");
            }
            IngestReport done = report(IngestReport.LOADED, options, sourceKey, releaseId, key, sha, input, tally, false,
                    null, null, started, null);
            ReleaseStore.recordCounts(c, releaseId, counts(done));
            ReleaseStore.recordChangelog(c, releaseId, changelog(done, options));
            plan.afterWrite(c, releaseId);
            c.commit();
            return done;
        } catch (IngestException e) {
            c.rollback();
            return report(IngestReport.INVALID_FILE, options, sourceKey, null, null, sha, input, tally, false,
                    e.getMessage(), e.line(), started, "Nothing was loaded.");
        } catch (IOException e) {
            c.rollback();
            throw new UncheckedIOException("Reading the file failed: " + e.getMessage(), e);
        } catch (SQLException | RuntimeException e) {
            safeRollback(c);
            throw e;
        } finally {
            restoreAutoCommit(c, autoCommit);
        }
    }

    private static void restoreAutoCommit(Connection c, boolean autoCommit) throws SQLException {
        try {
            c.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("08")) {
                throw e;
            }
            // a lost connection: the failure that lost it is the one to report
        }
    }

    private static void safeRollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the server rolls the transaction back when it notices
        }
    }

    private static long source(Connection c, IngestOptions options, String key, ReferenceData reference)
            throws SQLException {
        if (!SOURCE_KEY.matcher(key).matches()) {
            throw new IngestException("Source key '" + key + "' is not valid: lower-case letters, digits, '.', '_' and "
                    + "'-', starting with a letter or digit.");
        }
        SourceOptions given = options.source();
        SourceSpec spec = null;
        if (given != null && given.describesSource()) {
            spec = new SourceSpec(key, given.kind() != null ? given.kind() : options.format().sourceKind(), given.title(),
                    given.publisher(), given.url(), given.publishedOn(), given.licence(),
                    given.citation() != null && !given.citation().isBlank() ? given.citation() : given.title(), null);
        } else if (reference.sourceId(key) != null) {
            return reference.sourceId(key);
        } else if (options.format().defaultSource() != null && options.format().defaultSource().key().equals(key)) {
            spec = options.format().defaultSource();
        }
        if (spec == null) {
            throw new IngestException("Source '" + key + "' is not known: give its title (and citation) to create it.");
        }
        long id = SourceStore.upsert(c, spec);
        reference.addSource(key, id);
        return id;
    }

    private static IngestReport report(String status, IngestOptions options, String sourceKey, Long releaseId,
            String releaseKey, String sha, TextInput input, LoadTally tally, boolean nothingNew, String error,
            Long errorLine, long started, String message) {
        long elapsed = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        boolean wrote = IngestReport.LOADED.equals(status) || IngestReport.DRY_RUN.equals(status);
        IngestReport.Rows rows = tally.rows(wrote);
        if (nothingNew) {
            rows = new IngestReport.Rows(rows.read(), rows.valid(), 0, rows.valid(), rows.skipped(), rows.rejected());
        }
        boolean written = IngestReport.LOADED.equals(status);
        return new IngestReport(status, options.format().key(), options.keepValid() ? "KEEP_VALID" : "ALL_OR_NOTHING",
                sourceKey, releaseId, releaseKey, sha, input == null ? 0 : input.bytesRead(), rows,
                written ? new LinkedHashMap<>(tally.writtenCounts()) : Map.of(), tally.rejections(),
                tally.rejectionsTruncated(), tally.skipped(), tally.ambiguities(), error, errorLine, elapsed,
                rows.read() * 1000 / elapsed, message);
    }

    private static String counts(IngestReport r) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("format", r.format());
        counts.put("mode", r.mode());
        counts.put("rows", r.rows());
        counts.put("written", r.written());
        counts.put("ambiguities", r.ambiguities().size());
        try {
            return JSON.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String changelog(IngestReport r, IngestOptions options) {
        String file = options.fileName() == null || options.fileName().isBlank() ? "an upload" : options.fileName();
        return String.format("Loaded %s (%s, %s): %d rows read, %d loaded, %d unchanged, %d skipped, %d rejected.",
                file, options.format().title(), r.mode().toLowerCase().replace('_', ' '), r.rows().read(), r.rows().loaded(),
                r.rows().unchanged(), r.rows().skipped(), r.rows().rejected());
    }
}
