package org.tradeflows.fetch.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.ConfigProvider;
import org.tradeflows.config.FetchConfig;
import org.tradeflows.fetch.Connectors;
import org.tradeflows.fetch.FetchException;
import org.tradeflows.fetch.FetchFilter;
import org.tradeflows.fetch.FetchRequest;
import org.tradeflows.fetch.FetchRunner;
import org.tradeflows.ingest.cli.ProgressBarListener;
import org.tradeflows.model.FetchState;
import org.tradeflows.store.DatabaseBootstrap;
import org.tradeflows.ingest.cli.CommandLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar target/quarkus-app/quarkus-run.jar fetch SOURCE [options]}: downloads from the publisher and
 * loads what the filter keeps, with a progress bar on standard error; recorded as a fetch run, as the service's are.
 * Exit codes as {@code load}'s: 0 loaded, unchanged or dry run passed; 1 the download or its rows were refused
 * (nothing written); 2 bad arguments; 3 failure (database, another fetch running); 4 stopped before the end (PAUSED:
 * UN Comtrade's daily call budget is spent; the same command again resumes).
 */
@Command(name = "fetch", sortOptions = false,
        description = "Fetch a publisher's data into Tradeflows (sources: baci, comtrade, opensanctions, ecb, comext), filtered while it streams.")
public final class FetchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SOURCE", description = "baci, comtrade, opensanctions, ecb or comext")
    String source;

    @Option(names = "--years", paramLabel = "YEARS", description = "e.g. 2022-2023, 2022- (to this year) or 2022,2023 "
            + "(default: all in the release)")
    String years;

    @Option(names = {"--exporters", "--reporters"}, paramLabel = "ISO3,...", description = "e.g. CHN (default: all)")
    String exporters;

    @Option(names = {"--importers", "--partners"}, paramLabel = "ISO3,...", description = "e.g. RUS,KAZ (default: all)")
    String importers;

    @Option(names = "--hs", paramLabel = "CODES", description = "HS chapters, headings or subheadings, e.g. 84,85,88,90 "
            + "(default: all)")
    String hs;

    @Option(names = {"--version", "--frequency"}, paramLabel = "VERSION", description = "the publisher's version, e.g. "
            + "202501 for BACI (default: tradeflows.fetch.<source>.version); for comtrade the frequency, A (annual, "
            + "default) or M (monthly)")
    String version;

    @Option(names = "--daily-calls", paramLabel = "N", description = "comtrade: at most N API calls today, over all "
            + "fetches (default: tradeflows.fetch.comtrade.daily-calls, 500)")
    Integer dailyCalls;

    @Option(names = "--preview", description = "comtrade: use the keyless preview endpoint (500 records per call) even "
            + "when a subscription key is set")
    boolean preview;

    // no standard --version: here it is the publisher's version
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--url", paramLabel = "URL", description = "the publisher's address, e.g. a mirror (default: "
            + "tradeflows.fetch.<source>.url, for baci " + FetchConfig.BACI_URL + ", for comtrade " + FetchConfig.COMTRADE_URL
            + ")")
    String url;

    @Option(names = "--dataset", paramLabel = "NAME", description = "opensanctions: the dataset, e.g. sanctions, default "
            + "or us_ofac_sdn (default: tradeflows.fetch.opensanctions.dataset, sanctions)")
    String dataset;

    @Option(names = "--currencies", paramLabel = "ISO4217,...", description = "ecb: the currencies against the euro, "
            + "e.g. USD,CNY,RUB (default: tradeflows.fetch.ecb.currencies)")
    String currencies;

    @Option(names = "--from", paramLabel = "YYYY-MM", description = "ecb: the first month, e.g. 2021-01 (default: "
            + "tradeflows.fetch.ecb.from)")
    String from;

    @Option(names = "--dry-run", description = "download and check everything, write no rows")
    boolean dryRun;

    @Option(names = "--keep-valid", description = "load the valid rows when some are rejected (default: all or none)")
    boolean keepValid;

    @Option(names = "--no-progress", description = "no progress bar")
    boolean noProgress;

    @Mixin
    CommandLines.DatabaseOptions db = new CommandLines.DatabaseOptions();

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    /** Runs the command and returns its exit code. */
    public static int run(String... args) {
        return CommandLines.execute("fetch", new FetchCommand(), args);
    }

    @Override
    public Integer call() {
        FetchRequest request;
        DatabaseBootstrap database = db.database();
        FetchRunner runner = new FetchRunner(database::connect, Connectors.of(ConfigProvider.getConfig(), source, url,
                dailyCalls, preview));
        try {
            request = new FetchRequest(source, FetchFilter.parse(years, exporters, importers, hs), version, dryRun, keepValid,
                    options());
            runner.connectors().byName(source).version(request);
        } catch (FetchException e) {
            err.println("fetch: " + e.getMessage());
            return 2;
        }
        try (Connection c = db.connect()) {
            c.isValid(5);
        } catch (SQLException e) {
            err.println("42P01".equals(e.getSQLState())
                    ? "fetch: the database has no Tradeflows schema: start the service once on it (it migrates the "
                            + "database and loads the reference data), then fetch again."
                    : "fetch: the database is unreachable: " + e.getMessage());
            return 3;
        }
        long runId;
        try {
            runId = runner.queue(request, "fetch command");
        } catch (FetchException e) {
            err.println("fetch: " + e.getMessage());
            return FetchException.BAD_REQUEST.equals(e.code()) ? 2 : 3;
        }
        FetchRunner.Result result;
        try (ProgressBarListener bar = new ProgressBarListener("Fetching " + source, -1, noProgress)) {
            result = runner.execute(runId, request, (bytes, total, rows) -> bar.progress(rows, bytes, total));
            bar.done(result.outcome() == null ? 0 : result.outcome().rowsRead());
        }
        if (result.state() == FetchState.FAILED) {
            err.println("FAILED (" + result.errorCode() + "), fetch run " + runId + ": " + result.errorMessage());
            return switch (result.errorCode()) {
                case FetchException.BAD_REQUEST -> 2;
                case FetchException.FETCH_FAILED, FetchException.INTERRUPTED, FetchException.FETCH_ALREADY_RUNNING -> 3;
                default -> 1;
            };
        }
        var o = result.outcome();
        out.println(result.state() + ", fetch run " + runId + ": " + o.message());
        if (result.state() == FetchState.PAUSED) {
            return 4;
        }
        if (o.releaseId() != null) {
            out.println("  data release " + o.releaseId() + ", " + ("baci".equals(source) ? "BACI version " : "version ")
                    + o.upstreamVersion() + ", " + o.url()
                    + (o.sha256() == null ? "" : ", sha256 " + o.sha256()));
        }
        if (o.report() != null) {
            o.report().skipped().forEach(s -> out.printf("  skipped %d rows: %s%n", s.rows(), s.reason()));
            if (!o.report().written().isEmpty()) {
                out.println("  written: " + o.report().written());
            }
        }
        return 0;
    }

    private Map<String, String> options() {
        Map<String, String> options = new HashMap<>();
        options.put("dataset", dataset);
        options.put("currencies", currencies);
        options.put("from", from);
        return options;
    }
}
