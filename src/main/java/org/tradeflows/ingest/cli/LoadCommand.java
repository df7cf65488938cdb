package org.tradeflows.ingest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tradeflows.ingest.Ingest;
import org.tradeflows.ingest.IngestException;
import org.tradeflows.ingest.IngestFormat;
import org.tradeflows.ingest.IngestOptions;
import org.tradeflows.ingest.IngestReport;
import org.tradeflows.ingest.RejectedRowsFile;
import org.tradeflows.ingest.Rejection;
import org.tradeflows.ingest.SourceOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar target/quarkus-app/quarkus-run.jar load --format FORMAT [options] FILE}: loads a file from disk
 * (or standard input, "-") into the database named by the service's configuration, with a progress bar showing
 * rows per second. Runs before and without Quarkus, on a plain JDBC connection.
 * Exit codes: 0 loaded, already loaded or dry run passed; 1 rejected or unreadable file; 2 bad arguments; 3 failure.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Load a file into Tradeflows: all rows or none (unless --keep-valid), each file once.")
public final class LoadCommand implements Callable<Integer> {

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "shipments, comtrade, baci, comext, opensanctions-csv, opensanctions-ftm or exchange-rates")
    String format;

    @Parameters(index = "0", paramLabel = "FILE", description = "the file (gzip is opened transparently), or - for "
            + "standard input")
    String file;

    @Option(names = "--source", paramLabel = "KEY", description = "key of the rows' source (default for comtrade: "
            + "un-comtrade, baci: cepii-baci, opensanctions-*: opensanctions)")
    String source;

    @Option(names = "--source-title", description = "creates the source (or updates it) with this title")
    String sourceTitle;

    @Option(names = "--source-kind", description = "OFFICIAL_STATISTICS, CUSTOMS_RECORDS, INVESTIGATION, NEWS_REPORT, "
            + "SANCTIONS_LIST, REGISTRY, EXCHANGE_RATES, ... (default by format)")
    String sourceKind;

    @Option(names = "--source-publisher")
    String sourcePublisher;

    @Option(names = "--source-url")
    String sourceUrl;

    @Option(names = "--source-licence")
    String sourceLicence;

    @Option(names = "--source-citation", description = "citation text (default: the title)")
    String sourceCitation;

    @Option(names = "--source-published-on", paramLabel = "YYYY-MM-DD")
    LocalDate sourcePublishedOn;

    @Option(names = "--keep-valid", description = "load the valid rows and write the rejected ones to the rejects "
            + "file, instead of rejecting the whole file")
    boolean keepValid;

    @Option(names = "--replace", description = "comtrade and baci: the file is the source's whole new edition; the "
            + "source's figures it no longer has are withdrawn (kept in the history, readable with asOf)")
    boolean replace;

    @Option(names = "--rejects", paramLabel = "FILE", description = "where rejected rows go, with line, column and "
            + "reason (default: FILE.rejected.csv beside the input)")
    Path rejects;

    @Option(names = "--charset", paramLabel = "NAME", description = "the file's encoding when it is not UTF-8 (for "
            + "example windows-1252)")
    String charset;

    @Option(names = "--dry-run", description = "check everything, write nothing")
    boolean dryRun;

    @Option(names = "--report", paramLabel = "FILE", description = "also write the JSON report to this file")
    Path report;

    @Option(names = "--no-progress", description = "no progress bar")
    boolean noProgress;

    @Mixin
    CommandLines.DatabaseOptions db = new CommandLines.DatabaseOptions();

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    /** Runs the command and returns its exit code. */
    public static int run(String... args) {
        return CommandLines.execute("load", new LoadCommand(), args);
    }

    public static void main(String... args) {
        System.exit(run(args));
    }

    @Override
    public Integer call() throws Exception {
        boolean stdin = "-".equals(file);
        Path path = stdin ? null : Path.of(file);
        if (path != null && !Files.isRegularFile(path)) {
            err.println("load: no such file: " + file);
            return 2;
        }
        IngestOptions options;
        try {
            options = IngestOptions.of(IngestFormat.byKey(format), new SourceOptions(source, sourceTitle, sourceKind,
                    sourcePublisher, sourceUrl, sourceLicence, sourceCitation, sourcePublishedOn)).keepValid(keepValid)
                    .replace(replace).dryRun(dryRun).fileName(stdin ? "standard input" : path.getFileName().toString()).charset(charset);
        } catch (IllegalArgumentException e) {
            err.println("load: " + e.getMessage());
            return 2;
        }
        Path rejectsPath = rejects != null ? rejects
                : Path.of(stdin ? "stdin.rejected.csv" : path.toString() + ".rejected.csv");
        try (Connection c = connect()) {
            if (path != null && !dryRun) {
                String sha = sha256(path);
                Optional<Long> before = Ingest.loadedBefore(c, options, sha);
                if (before.isPresent()) {
                    out.println("Already loaded as data release " + before.get() + " (same file, sha256 " + sha
                            + "): nothing to do.");
                    return 0;
                }
            }
            IngestReport result;
            try (RejectedRowsFile rejected = new RejectedRowsFile(rejectsPath);
                    InputStream in = stdin ? System.in : Files.newInputStream(path);
                    ProgressBarListener progress = new ProgressBarListener(path == null ? -1 : Files.size(path),
                            noProgress)) {
                result = Ingest.run(c, in, options, rejected, progress);
                progress.done(result.rows().read());
                if (rejected.written() == 0) {
                    rejected.close();
                    Files.deleteIfExists(rejectsPath);
                }
            }
            print(result, rejectsPath);
            if (report != null) {
                new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValue(report.toFile(), result);
            }
            return result.succeeded() ? 0 : 1;
        } catch (IngestException e) {
            err.println("load: " + e.getMessage());
            return 1;
        } catch (SQLException e) {
            err.println("42P01".equals(e.getSQLState())
                    ? "load: the database has no Tradeflows schema: start the service once on it (it migrates the "
                            + "database and loads the reference data), then load again."
                    : "load: the database refused the load, nothing was written: " + e.getMessage());
            return 3;
        }
    }

    private void print(IngestReport r, Path rejectsPath) {
        PrintStream to = r.succeeded() ? out : err;
        boolean dry = IngestReport.DRY_RUN.equals(r.status());
        to.printf("%s: %s %s, %d rows read, %d valid, %s %d, %d unchanged, %d skipped, %d rejected in %.1f s "
                + "(%,d rows/s)%n", r.status(), r.format(), r.mode().toLowerCase().replace('_', ' '), r.rows().read(),
                r.rows().valid(), dry ? "would load" : "loaded", r.rows().loaded(),
                r.rows().unchanged(), r.rows().skipped(), r.rows().rejected(), r.elapsedMillis() / 1000.0,
                r.rowsPerSecond());
        if (r.error() != null) {
            to.println("  " + r.error());
        }
        if (r.message() != null) {
            to.println("  " + r.message());
        }
        if (r.releaseId() != null) {
            to.println("  data release " + r.releaseId() + " (" + r.releaseKey() + "), sha256 " + r.sha256());
        }
        if (!r.written().isEmpty()) {
            to.println("  written: " + r.written());
        }
        r.skipped().forEach(s -> to.printf("  skipped %d rows: %s (first on line %d)%n", s.rows(), s.reason(), s.firstLine()));
        r.ambiguities().forEach(a -> to.printf("  line %d, %s: '%s' matches %d companies %s; left unlinked%n", a.line(),
                a.column(), a.name(), a.candidates().size(), a.candidates()));
        int shown = 0;
        for (Rejection x : r.rejections()) {
            if (shown++ == 20) {
                to.println("  ...");
                break;
            }
            to.printf("  line %d%s: %s%s%n", x.line(), x.column() == null ? "" : ", " + x.column(), x.reason(),
                    x.value() == null ? "" : " ('" + x.value() + "')");
        }
        if (r.rows().rejected() > 0) {
            to.println("  every rejected row, with its reason: " + rejectsPath);
        }
    }

    private Connection connect() throws SQLException {
        return db.connect();
    }

    private static String sha256(Path path) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
