package org.tradeflows.fetch.ecb;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tradeflows.fetch.Connector;
import org.tradeflows.fetch.FetchException;
import org.tradeflows.fetch.FetchOutcome;
import org.tradeflows.fetch.FetchProgress;
import org.tradeflows.fetch.FetchRequest;
import org.tradeflows.fetch.HttpDownload;
import org.tradeflows.ingest.reference.ReferenceData;
import org.tradeflows.model.DataReleaseRecord;
import org.tradeflows.model.FetchState;
import org.tradeflows.store.ExchangeRateStore;
import org.tradeflows.store.ReleaseStore;

/**
 * ECB euro reference rates from the ECB Data Portal's SDMX REST API as SDMX-CSV
 * ({@code {url}EXR/D.USD+CNY.EUR.SP00.A?format=csvdata&startPeriod=2021-01-01}: one row per day and currency, columns
 * KEY, FREQ, CURRENCY, CURRENCY_DENOM, EXR_TYPE, EXR_SUFFIX, TIME_PERIOD, OBS_VALUE, ...). The days are added to the
 * ECB rates the open dataset ships (source ecb-euro-reference-rates) and the monthly and annual averages are computed
 * again by the one rule in ExchangeRateStore. First the last observation of each series is asked for: when it is the
 * day the last fetch with the same currencies and start ended on, nothing more is downloaded (SKIPPED_UNCHANGED).
 */
public final class EcbConnector implements Connector {

    public static final String NAME = "ecb";
    public static final String PUBLISHER = "European Central Bank";
    public static final String LICENCE = "ECB statistics: reuse permitted free of charge provided the source is acknowledged";
    /** The source the open dataset's ECB rates belong to (dataset/EcbRatesLoader). */
    static final String SOURCE_KEY = "ecb-euro-reference-rates";

    private final String baseUrl;
    private final String defaultCurrencies;
    private final String defaultFrom;

    public EcbConnector(String baseUrl, String defaultCurrencies, String defaultFrom) {
        this.baseUrl = Connector.folder(baseUrl);
        this.defaultCurrencies = defaultCurrencies;
        this.defaultFrom = defaultFrom;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The ECB's series have no versions: a fetch takes them as they stand (its last day becomes the version). */
    @Override
    public String version(FetchRequest request) {
        currencies(request);
        from(request);
        return Connector.latestOnly(request, "the ECB's rates are fetched as they stand "
                + "(leave the version out; choose the start with from)");
    }

    @Override
    public String url(FetchRequest request) {
        return baseUrl + "EXR/D." + String.join("+", currencies(request)) + ".EUR.SP00.A?format=csvdata&startPeriod="
                + from(request).atDay(1);
    }

    private SortedSet<String> currencies(FetchRequest request) {
        String text = request.option("currencies") == null ? defaultCurrencies : request.option("currencies");
        SortedSet<String> out = new TreeSet<>();
        for (String c : text.split("[,+\\s]+")) {
            String code = c.trim().toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (!code.matches("[A-Z]{3}") || code.equals("EUR")) {
                throw new FetchException(FetchException.BAD_REQUEST, "currencies: '" + c + "' is not an ISO 4217 code "
                        + "other than EUR, such as USD, CNY or RUB");
            }
            out.add(code);
        }
        if (out.isEmpty() || out.size() > 60) {
            throw new FetchException(FetchException.BAD_REQUEST, "currencies: name 1 to 60 currencies, such as USD,CNY,RUB");
        }
        return out;
    }

    private YearMonth from(FetchRequest request) {
        String text = request.option("from") == null ? defaultFrom : request.option("from");
        try {
            YearMonth m = YearMonth.parse(text.trim());
            if (m.getYear() < 1999 || m.isAfter(YearMonth.now(ZoneOffset.UTC))) {
                throw new FetchException(FetchException.BAD_REQUEST, "from: " + text + " is outside 1999-01 to this month");
            }
            return m;
        } catch (DateTimeParseException e) {
            throw new FetchException(FetchException.BAD_REQUEST, "from: '" + text + "' is not a month such as 2021-01");
        }
    }

    private String filterText(FetchRequest request) {
        return "currencies=" + String.join(",", currencies(request)) + ";from=" + from(request);
    }

    /** The days read: COPY text (day TAB currency TAB rate) with the last day and the currencies seen. */
    private record Days(String copyText, int rows, LocalDate last, SortedSet<String> currencies, String sha256, long bytes) {
    }

    @Override
    public FetchOutcome fetch(Connection c, FetchRequest request, FetchProgress progress) throws SQLException {
        String url = url(request);
        String filter = filterText(request);
        Long sourceId = ReferenceData.load(c).sourceId(SOURCE_KEY);
        if (sourceId == null) {
            throw new FetchException(FetchException.FETCH_FAILED, "The ECB rates of the open dataset are not loaded: "
                    + "start the service once on this database, then fetch again.");
        }
        Days latest = read(url + "&lastNObservations=1", progress);
        String version = latest.last().toString();
        Optional<Long> before = ReleaseStore.findFetched(c, SOURCE_KEY, version, filter);
        if (before.isPresent()) {
            return new FetchOutcome(FetchState.SKIPPED_UNCHANGED, version, url, before.get(), latest.bytes(), null, null,
                    "The ECB's rates end on " + version + " as when they were fetched with " + filter + " (data release "
                            + before.get() + "): nothing more was fetched.");
        }
        OffsetDateTime retrievedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Days days = read(url, progress);
        SortedSet<String> missing = new TreeSet<>(currencies(request));
        missing.removeAll(days.currencies());
        String note = missing.isEmpty() ? "" : "; the ECB has no rates for " + String.join(", ", missing) + " since "
                + from(request);
        if (request.dryRun()) {
            return new FetchOutcome(FetchState.SUCCEEDED, days.last().toString(), url, null, days.bytes(), days.sha256(),
                    null, "Dry run of the ECB's rates " + filter + ": " + days.rows() + " daily rates read and checked, "
                            + "nothing written" + note + ".");
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            ReleaseStore.lock(c, "REFERENCE");
            String v = days.last().toString();
            long release = ReleaseStore.insert(c, "fetch-ecb-" + v + "-" + days.sha256().substring(0, 16), v, "FETCH",
                    days.sha256(), sourceId, "ECB euro reference rates " + filter + " to " + v
                            + ", with monthly and annual averages computed from the days");
            ReleaseStore.recordProvenance(c, release, new DataReleaseRecord.Provenance(PUBLISHER, v, url, LICENCE,
                    "Source: European Central Bank, euro foreign exchange reference rates (ECB Data Portal, dataset EXR), "
                            + "daily rates of " + String.join(", ", days.currencies()) + " from " + from(request).atDay(1)
                            + " to " + v + ".", retrievedAt, filter));
            Map<String, Long> written = ExchangeRateStore.mergeFetchedDays(c, sourceId, new StringReader(days.copyText()));
            ReleaseStore.recordCounts(c, release, String.format(Locale.ROOT,
                    "{\"currencies\":%d,\"dailyRates\":%d,\"monthlyAverages\":%d,\"annualAverages\":%d}",
                    days.currencies().size(), written.get("DAY"), written.get("MONTH"), written.get("YEAR")));
            c.commit();
            return new FetchOutcome(FetchState.SUCCEEDED, v, url, release, days.bytes(), days.sha256(), null,
                    "Loaded the ECB's rates " + filter + " to " + v + ": " + written.get("DAY") + " daily rates, "
                            + written.get("MONTH") + " monthly and " + written.get("YEAR") + " annual averages" + note
                            + ".");
        } catch (IOException e) {
            c.rollback();
            throw new FetchException(FetchException.FETCH_FAILED, "The rates could not be written; nothing was loaded.", e);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Downloads and reads one SDMX-CSV answer whole (days of a few currencies: small) before anything is written. */
    private Days read(String url, FetchProgress progress) {
        HttpDownload download = HttpDownload.open(url, "exchange rates");
        StringBuilder copy = new StringBuilder();
        SortedSet<String> seen = new TreeSet<>();
        LocalDate last = null;
        int rows = 0;
        try (download; CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(download, StandardCharsets.UTF_8))) {
            for (String column : new String[] {"FREQ", "CURRENCY", "CURRENCY_DENOM", "TIME_PERIOD", "OBS_VALUE"}) {
                if (!csv.getHeaderMap().containsKey(column)) {
                    throw new FetchException(FetchException.CORRUPT_ARCHIVE, "The ECB's answer is not SDMX-CSV of the "
                            + "EXR dataset (no " + column + " column; it has " + csv.getHeaderNames() + "); nothing was loaded.");
                }
            }
            for (CSVRecord r : csv) {
                rows++;
                String currency = r.get("CURRENCY").trim();
                if (!"D".equals(r.get("FREQ").trim()) || !"EUR".equals(r.get("CURRENCY_DENOM").trim())
                        || !currency.matches("[A-Z]{3}")) {
                    throw bad(r, "not a daily rate of a currency against the euro");
                }
                LocalDate day;
                try {
                    day = LocalDate.parse(r.get("TIME_PERIOD").trim());
                } catch (DateTimeParseException e) {
                    throw bad(r, "TIME_PERIOD '" + r.get("TIME_PERIOD") + "' is not a day");
                }
                String value = r.get("OBS_VALUE").trim();
                String rate;
                if (value.isEmpty() || value.equals("NaN")) {
                    rate = "\\N";
                } else {
                    try {
                        BigDecimal v = new BigDecimal(value);
                        if (v.signum() <= 0) {
                            throw bad(r, "OBS_VALUE " + value + " is not a positive rate");
                        }
                        rate = v.toPlainString();
                    } catch (NumberFormatException e) {
                        throw bad(r, "OBS_VALUE '" + value + "' is not a number");
                    }
                }
                copy.append(day).append('\t').append(currency).append('\t').append(rate).append('\n');
                seen.add(currency);
                last = last == null || day.isAfter(last) ? day : last;
                progress.progress(download.bytesRead(), download.totalBytes(), rows);
            }
            String sha = download.sha256();
            if (last == null) {
                throw new FetchException(FetchException.VERSION_NOT_PUBLISHED, "The ECB has no rates at " + url
                        + "; nothing was loaded.");
            }
            return new Days(copy.toString(), rows, last, seen, sha, download.bytesRead());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new FetchException(FetchException.DOWNLOAD_FAILED, "The download broke off after "
                    + download.bytesRead() + (download.totalBytes() > 0 ? " of " + download.totalBytes() : "")
                    + " bytes; nothing was loaded.", e);
        }
    }

    private static FetchException bad(CSVRecord r, String why) {
        return new FetchException(FetchException.CORRUPT_ARCHIVE, "Line " + (r.getRecordNumber() + 1) + " of the ECB's "
                + "answer: " + why + "; nothing was loaded.");
    }
}
