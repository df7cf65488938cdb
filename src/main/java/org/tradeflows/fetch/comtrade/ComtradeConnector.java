package org.tradeflows.fetch.comtrade;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.tradeflows.fetch.Connector;
import org.tradeflows.fetch.FetchException;
import org.tradeflows.fetch.FetchOutcome;
import org.tradeflows.fetch.FetchProgress;
import org.tradeflows.fetch.FetchRelease;
import org.tradeflows.fetch.FetchRequest;
import org.tradeflows.ingest.Ingest;
import org.tradeflows.ingest.IngestFormat;
import org.tradeflows.ingest.IngestOptions;
import org.tradeflows.ingest.IngestReport;
import org.tradeflows.ingest.ReleasePlan;
import org.tradeflows.ingest.reference.ReferenceData;
import org.tradeflows.model.DataReleaseRecord.Provenance;
import org.tradeflows.model.FetchState;
import org.tradeflows.store.ComtradeCallStore;

/**
 * UN Comtrade API v1: {@code {url}/data/v1/get/C/{A|M}/HS} with the user's subscription key (header
 * Ocp-Apim-Subscription-Key, never logged nor stored), or without one the preview endpoint
 * {@code {url}/public/v1/preview/C/{A|M}/HS}. The request's "version" is the frequency: A (annual, the default) or M
 * (monthly). A fetch is a set of calls (reporters × partners × flows X and M × periods × HS codes); a call whose
 * answer reaches the cap (records per call) is split, by period, then by HS code, then by reporter. Every call that
 * answered is kept in comtrade_call until the whole fetch is loaded (one FETCH release, through the Comtrade loader
 * of ingest/), so a rerun after a crash or a spent daily budget makes only the calls still missing; when the day's
 * budget is spent the run stops PAUSED. HTTP 429 is honoured (Retry-After, else exponential backoff).
 */
public final class ComtradeConnector implements Connector {

    public static final String NAME = "comtrade";
    public static final String PUBLISHER = "UN Comtrade";
    /** What UN Comtrade's terms allow (comtradeplus.un.org, terms of use), said with every release fetched. */
    public static final String LICENCE = "UN Comtrade terms of use: for the subscriber's own use; the data may not be "
            + "redistributed or resold (Tradeflows ships none of it).";
    public static final String CITATION = "United Nations Comtrade Database, https://comtradeplus.un.org, via the UN "
            + "Comtrade API v1.";
    /** The key's header, as the API's developer portal names it. */
    static final String KEY_HEADER = "Ocp-Apim-Subscription-Key";
    /** Periods asked for in one call at most (the API takes a comma-separated list of up to 12). */
    static final int PERIODS_PER_CALL = 12;

    private static final Logger LOG = Logger.getLogger(ComtradeConnector.class);
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30)).build();

    /** What the connector is configured with; see FetchConfig.Comtrade for each value's meaning and default. */
    public record Settings(String url, Supplier<String> key, int recordsPerCall, int previewRecordsPerCall,
            int dailyCalls, int retries, Duration maxWait) {
    }

    private final Settings settings;

    public ComtradeConnector(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The frequency: A (annual) or M (monthly). */
    @Override
    public String version(FetchRequest request) {
        String v = request.version() == null || request.version().isBlank() ? "A"
                : request.version().trim().toUpperCase(Locale.ROOT);
        if (!v.equals("A") && !v.equals("M")) {
            throw new FetchException(FetchException.BAD_REQUEST, "version: for comtrade it is the frequency, A (annual) "
                    + "or M (monthly), not '" + request.version() + "'");
        }
        return v;
    }

    @Override
    public String url(FetchRequest request) {
        String base = settings.url().endsWith("/") ? settings.url().substring(0, settings.url().length() - 1) : settings.url();
        return base + (hasKey() ? "/data/v1/get/C/" : "/public/v1/preview/C/") + version(request) + "/HS";
    }

    private boolean hasKey() {
        String k = settings.key().get();
        return k != null && !k.isBlank();
    }

    private int cap() {
        return hasKey() ? settings.recordsPerCall() : settings.previewRecordsPerCall();
    }

    @Override
    public FetchOutcome fetch(Connection c, FetchRequest request, FetchProgress progress) throws SQLException {
        String frequency = version(request);
        String url = url(request);
        String filterText = request.filter().toString();
        if (request.filter().years().isEmpty()) {
            throw new FetchException(FetchException.BAD_REQUEST, "years: required for comtrade (e.g. 2021-2023); the API "
                    + "answers by period.");
        }
        ReferenceData reference = ReferenceData.load(c);
        List<String> unknown = request.filter().unknownCountries(code -> reference.country(code) != null);
        if (!unknown.isEmpty()) {
            throw new FetchException(FetchException.BAD_REQUEST, "Unknown country codes: " + String.join(", ", unknown)
                    + " (ISO 3166 alpha-3, such as CHN, RUS, KAZ)");
        }
        String fetchKey = "freq=" + frequency + ";" + filterText;
        List<String> periods = new ArrayList<>();
        for (int year : request.filter().years()) {
            if (frequency.equals("A")) {
                periods.add(String.valueOf(year));
            } else {
                for (int m = 1; m <= 12; m++) {
                    periods.add(String.format("%d%02d", year, m));
                }
            }
        }
        List<String> cmds = request.filter().hs().isEmpty() ? List.of("TOTAL") : List.copyOf(request.filter().hs());
        List<String> reporters = m49(request.filter().exporters(), reference);
        List<String> partners = m49(request.filter().importers(), reference);
        Deque<ComtradeQuery> todo = new ArrayDeque<>();
        for (int i = 0; i < periods.size(); i += PERIODS_PER_CALL) {
            todo.add(new ComtradeQuery(periods.subList(i, Math.min(periods.size(), i + PERIODS_PER_CALL)), cmds, reporters,
                    partners));
        }

        boolean record = !request.dryRun();
        Map<String, ComtradeCallStore.Call> done = record ? ComtradeCallStore.pending(c, fetchKey) : Map.of();
        int callsToday = record ? ComtradeCallStore.callsToday(c) : 0;
        int made = 0;
        int reused = 0;
        long bytes = 0;
        long records = 0;
        List<String> bodies = new ArrayList<>();
        MessageDigest digest = sha256();
        int cap = cap();
        while (!todo.isEmpty()) {
            ComtradeQuery q = todo.poll();
            ComtradeCallStore.Call call = done.get(q.key());
            if (call != null) {
                reused++;
            } else {
                if (callsToday + made >= settings.dailyCalls()) {
                    String message = "Stopped: the daily budget of " + settings.dailyCalls() + " UN Comtrade calls "
                            + "(tradeflows.fetch.comtrade.daily-calls) is spent; " + (made + reused) + " calls are done "
                            + "and kept, " + (todo.size() + 1) + " or more remain. Nothing is loaded yet: fetch again "
                            + "tomorrow with the same options to resume (the calls done are not made again).";
                    LOG.infof("Comtrade fetch paused: %s", message);
                    return new FetchOutcome(FetchState.PAUSED, frequency, url, null, bytes, null, null, message);
                }
                byte[] body = get(url + "?" + q.queryString(cap));
                made++;
                bytes += body.length;
                digest.update(body);
                call = ComtradeAnswer.rows(body, cap, q);
                if (record) {
                    ComtradeCallStore.record(c, fetchKey, q.key(), call);
                }
            }
            if (call.split()) {
                List<ComtradeQuery> narrower = q.split();
                if (narrower.isEmpty()) {
                    throw new FetchException(FetchException.DOWNLOAD_FAILED, "One UN Comtrade call (" + q.key()
                            + ") reaches the cap of " + cap + " records and cannot be split further: ask for fewer "
                            + "partners. The calls done are kept; nothing was loaded.");
                }
                for (int i = narrower.size() - 1; i >= 0; i--) {
                    todo.push(narrower.get(i));
                }
            } else {
                records += call.recordCount();
                if (!call.rowsCsv().isEmpty()) {
                    bodies.add(call.rowsCsv());
                }
            }
            progress.progress(bytes, -1, records);
        }
        LOG.infof("Comtrade fetch: %d calls made, %d reused, %d records", made, reused, records);

        List<InputStream> parts = new ArrayList<>();
        parts.add(new ByteArrayInputStream((String.join(",", ComtradeAnswer.FIELDS) + "\n").getBytes(StandardCharsets.UTF_8)));
        bodies.forEach(b -> parts.add(new ByteArrayInputStream(b.getBytes(StandardCharsets.UTF_8))));
        String sha = HexFormat.of().formatHex(digest.digest());
        OffsetDateTime retrievedAt = OffsetDateTime.now(ZoneOffset.UTC);
        IngestOptions options = IngestOptions.of(IngestFormat.COMTRADE, null).dryRun(request.dryRun())
                .keepValid(request.keepValid()).fileName("UN Comtrade API " + frequency + " (" + filterText + ")");
        int callsMade = made;
        int callsReused = reused;
        long downloaded = bytes;
        try (InputStream text = new SequenceInputStream(Collections.enumeration(parts))) {
            IngestReport report = Ingest.run(c, text, options, null,
                    (rows, read) -> progress.progress(callsMade, -1, rows),
                    release(frequency, url, filterText, fetchKey, retrievedAt));
            String calls = callsMade + " calls made, " + callsReused + " reused";
            return switch (report.status()) {
                case IngestReport.LOADED -> new FetchOutcome(FetchState.SUCCEEDED, frequency, url, report.releaseId(), downloaded,
                        sha, report, "Loaded UN Comtrade (" + (frequency.equals("A") ? "annual" : "monthly") + "): "
                                + calls + "; " + report.rows().read() + " rows read, " + report.rows().loaded()
                                + " loaded, " + report.rows().unchanged() + " unchanged, " + report.rows().skipped()
                                + " skipped.");
                case IngestReport.DRY_RUN -> new FetchOutcome(FetchState.SUCCEEDED, frequency, url, null, downloaded, sha, report,
                        "Dry run of UN Comtrade: " + calls + "; " + report.rows().read() + " rows read and checked, "
                                + "nothing written.");
                case IngestReport.ALREADY_LOADED -> {
                    if (record) {
                        ComtradeCallStore.loaded(c, fetchKey, report.releaseId());
                    }
                    yield new FetchOutcome(FetchState.SKIPPED_UNCHANGED, frequency, url, report.releaseId(), downloaded, sha,
                            report, "UN Comtrade answered the same rows as data release " + report.releaseId()
                                    + ": nothing changed (" + calls + ").");
                }
                case IngestReport.REJECTED -> throw new FetchException(FetchException.ROWS_REJECTED,
                        report.rows().rejected() + " rows from UN Comtrade were rejected, so nothing was loaded (fetch "
                                + "with keep-valid to load the valid rows; the calls are kept). First: "
                                + report.rejections().stream().limit(3).map(r -> "row " + r.line()
                                        + (r.column() == null ? "" : " " + r.column()) + ": " + r.reason()).toList());
                default -> throw new FetchException(FetchException.FETCH_FAILED, "UN Comtrade's answer could not be "
                        + "read: " + report.error() + ". Nothing was loaded.");
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET with the key in its header; 429 waits (Retry-After, else 1, 2, 4 ... s) and tries again. */
    private byte[] get(String url) {
        String key = settings.key().get();
        for (int attempt = 0;; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET().timeout(Duration.ofMinutes(5))
                    .header("User-Agent", "tradeflows-fetch").header("Accept", "application/json");
            if (key != null && !key.isBlank()) {
                b.header(KEY_HEADER, key.trim());
            }
            HttpResponse<byte[]> response;
            try {
                response = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new FetchException(FetchException.DOWNLOAD_FAILED, "Could not reach UN Comtrade at " + path(url)
                        + "; the calls done are kept, nothing was loaded: fetch again to resume.", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException(FetchException.INTERRUPTED, "The fetch was interrupted; nothing was loaded.");
            }
            int status = response.statusCode();
            if (status == 200) {
                return response.body();
            }
            if (status == 429 && attempt < settings.retries()) {
                Duration wait = retryAfter(response, attempt);
                LOG.infof("UN Comtrade answered 429 (too many requests): waiting %d ms before trying again", wait.toMillis());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new FetchException(FetchException.INTERRUPTED, "The fetch was interrupted; nothing was loaded.");
                }
                continue;
            }
            throw new FetchException(FetchException.DOWNLOAD_FAILED, switch (status) {
                case 401, 403 -> "UN Comtrade refused the subscription key (HTTP " + status + "): check "
                        + "COMTRADE_SUBSCRIPTION_KEY.";
                case 429 -> "UN Comtrade still answered 429 (too many requests) after " + settings.retries()
                        + " waits; the calls done are kept: fetch again later to resume.";
                default -> "UN Comtrade answered HTTP " + status + " for " + path(url) + "; the calls done are kept, "
                        + "nothing was loaded: fetch again to resume.";
            });
        }
    }

    private Duration retryAfter(HttpResponse<?> response, int attempt) {
        Duration backoff = Duration.ofSeconds(1L << Math.min(attempt, 10));
        Duration wait = response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
            } catch (NumberFormatException e) {
                return backoff;
            }
        }).orElse(backoff);
        return wait.compareTo(settings.maxWait()) > 0 ? settings.maxWait() : wait;
    }

    private static String path(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** Comtrade's M49 codes for these alpha-3 codes (every numeric code the reference data maps to each country). */
    static List<String> m49(Set<String> alpha3, ReferenceData reference) {
        Set<Integer> out = new TreeSet<>();
        if (!alpha3.isEmpty()) {
            Set<String> alpha2 = new HashSet<>();
            alpha3.forEach(a -> alpha2.add(reference.country(a)));
            for (int n = 1; n < 1000; n++) {
                if (alpha2.contains(reference.countryByNumeric(n))) {
                    out.add(n);
                }
            }
        }
        return out.stream().map(String::valueOf).toList();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }


    /** The release a Comtrade fetch becomes, keyed by frequency, filter and the answers read; its calls marked loaded. */
    private static ReleasePlan release(String frequency, String url, String filter, String fetchKey,
            OffsetDateTime retrievedAt) {
        String version = frequency + "-" + retrievedAt.toLocalDate();
        return new FetchRelease(NAME, frequency, new Provenance(PUBLISHER, version, url, LICENCE, CITATION, retrievedAt,
                filter), null) {
            @Override
            public void afterWrite(Connection c, long releaseId) throws SQLException {
                ComtradeCallStore.loaded(c, fetchKey, releaseId);
            }
        };
    }
}
