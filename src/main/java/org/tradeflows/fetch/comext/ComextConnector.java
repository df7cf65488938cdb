package org.tradeflows.fetch.comext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tradeflows.fetch.Connector;
import org.tradeflows.fetch.FetchException;
import org.tradeflows.fetch.FetchFilter;
import org.tradeflows.fetch.FetchOutcome;
import org.tradeflows.fetch.FetchProgress;
import org.tradeflows.fetch.FetchRelease;
import org.tradeflows.fetch.FetchRequest;
import org.tradeflows.fetch.HttpDownload;
import org.tradeflows.ingest.Ingest;
import org.tradeflows.ingest.IngestFormat;
import org.tradeflows.ingest.IngestOptions;
import org.tradeflows.ingest.IngestReport;
import org.tradeflows.ingest.ReleasePlan;
import org.tradeflows.ingest.reference.ReferenceData;
import org.tradeflows.model.DataReleaseRecord.Provenance;
import org.tradeflows.model.FetchState;
import org.tradeflows.store.ProductStore;

/**
 * Eurostat Comext (CC BY 4.0), dataset DS-045409, from Eurostat's dissemination API in SDMX-CSV:
 * {@code {url}DS-045409/M.{reporters}.{partners}.{products}.1+2.VALUE_IN_EUROS?format=SDMX-CSV&startPeriod=…&endPeriod=…}
 * (an empty dimension means all). The HS codes asked for become the HS6 subheadings under them, asked for in batches
 * so that an address stays short; every answer is downloaded before anything is written, then all of them go
 * through the Comext loader in one load (one release). The same answers again: SKIPPED_UNCHANGED; revised figures:
 * a new release, the old values kept as history.
 */
public final class ComextConnector implements Connector {

    public static final String NAME = "comext";
    public static final String PUBLISHER = "Eurostat";
    public static final String LICENCE = "CC BY 4.0";
    static final String DATASET = "DS-045409";
    /** Products per request: the address stays under 1,000 characters. */
    static final int PRODUCTS_PER_REQUEST = 100;
    private static final Pattern PERIOD = Pattern.compile("(?m),(\\d{4}-\\d{2}),");

    private final String baseUrl;

    public ComextConnector(String baseUrl) {
        this.baseUrl = Connector.folder(baseUrl);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version(FetchRequest request) {
        if (request.version() != null && !request.version().isBlank() && !"latest".equals(request.version().trim())) {
            throw new FetchException(FetchException.BAD_REQUEST, "version: Comext is fetched as it stands (leave the "
                    + "version out)");
        }
        return "latest";
    }

    @Override
    public String url(FetchRequest request) {
        return url(request.filter(), List.of(), List.of(), List.of());
    }

    private String url(FetchFilter filter, List<String> reporters, List<String> partners, List<String> products) {
        StringBuilder u = new StringBuilder(baseUrl).append(DATASET).append("/M.").append(String.join("+", reporters))
                .append('.').append(String.join("+", partners)).append('.').append(String.join("+", products))
                .append(".1+2.VALUE_IN_EUROS?format=SDMX-CSV");
        if (!filter.years().isEmpty()) {
            u.append("&startPeriod=").append(filter.years().first()).append("-01&endPeriod=").append(filter.years().last())
                    .append("-12");
        }
        return u.toString();
    }

    @Override
    public FetchOutcome fetch(Connection c, FetchRequest request, FetchProgress progress) throws SQLException {
        FetchFilter filter = request.filter();
        ReferenceData reference = ReferenceData.load(c);
        List<String> unknown = filter.unknownCountries(code -> reference.country(code) != null);
        if (!unknown.isEmpty()) {
            throw new FetchException(FetchException.BAD_REQUEST, "Unknown country codes: " + String.join(", ", unknown)
                    + " (ISO 3166, such as DE or DEU, KZ or KAZ)");
        }
        List<String> reporters = eurostat(filter.exporters(), reference);
        List<String> partners = eurostat(filter.importers(), reference);
        List<List<String>> batches = new ArrayList<>();
        if (filter.hs().isEmpty()) {
            batches.add(List.of());
        } else {
            List<String> products = ProductStore.subheadingsUnder(c, filter.hs());
            for (int i = 0; i < products.size(); i += PRODUCTS_PER_REQUEST) {
                batches.add(products.subList(i, Math.min(products.size(), i + PRODUCTS_PER_REQUEST)));
            }
        }
        String filterText = filter.toString();
        OffsetDateTime retrievedAt = OffsetDateTime.now(ZoneOffset.UTC);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        MessageDigest digest = sha256();
        long bytes = 0;
        String first = null;
        for (List<String> batch : batches) {
            String url = url(filter, reporters, partners, batch);
            first = first == null ? url : first;
            HttpDownload download = HttpDownload.open(url, "Comext answer");
            byte[] body;
            try (download) {
                body = download.readAllBytes();
            } catch (IOException e) {
                throw new FetchException(FetchException.DOWNLOAD_FAILED, "The download broke off after "
                        + (bytes + download.bytesRead()) + " bytes; nothing was loaded.", e);
            }
            bytes += body.length;
            digest.update(body);
            progress.progress(bytes, -1, 0);
            String text = new String(body, StandardCharsets.UTF_8);
            int headerEnd = text.indexOf('\n');
            if (all.size() == 0) {
                all.writeBytes(body);
            } else if (headerEnd >= 0) {
                all.writeBytes(text.substring(headerEnd + 1).getBytes(StandardCharsets.UTF_8));
            }
            if (all.size() > 0 && all.toByteArray()[all.size() - 1] != '\n') {
                all.write('\n');
            }
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        String lastPeriod = lastPeriod(all.toString(StandardCharsets.UTF_8));
        String url = first;
        ReleasePlan plan = new FetchRelease(NAME, lastPeriod, new Provenance(PUBLISHER, lastPeriod, url, LICENCE,
                "Eurostat, Comext database, EU trade since 1988 by HS2-4-6 and CN8 (" + DATASET + "), retrieved "
                        + retrievedAt.toLocalDate() + ".", retrievedAt, filterText), () -> sha);
        IngestOptions options = IngestOptions.of(IngestFormat.COMEXT, null).dryRun(request.dryRun())
                .keepValid(request.keepValid()).fileName("Eurostat Comext " + DATASET + " (" + filterText + ")");
        long total = bytes;
        IngestReport report;
        try {
            report = Ingest.run(c, new ByteArrayInputStream(all.toByteArray()), options, null,
                    (rows, b) -> progress.progress(total, total, rows), plan);
        } catch (UncheckedIOException e) {
            throw new FetchException(FetchException.FETCH_FAILED, "The answers could not be read; nothing was loaded.", e);
        }
        String what = "Eurostat Comext " + DATASET + " to " + lastPeriod + " (" + batches.size() + " requests)";
        return switch (report.status()) {
            case IngestReport.LOADED -> new FetchOutcome(FetchState.SUCCEEDED, lastPeriod, url, report.releaseId(), bytes,
                    sha, report, "Loaded " + what + ": " + report.rows().read() + " rows read, " + report.rows().loaded()
                            + " loaded, " + report.rows().unchanged() + " unchanged, " + report.rows().skipped()
                            + " skipped.");
            case IngestReport.DRY_RUN -> new FetchOutcome(FetchState.SUCCEEDED, lastPeriod, url, null, bytes, sha, report,
                    "Dry run of " + what + ": " + report.rows().read() + " rows read and checked, nothing written.");
            case IngestReport.ALREADY_LOADED -> new FetchOutcome(FetchState.SKIPPED_UNCHANGED, lastPeriod, url,
                    report.releaseId(), bytes, sha, report, "Eurostat's answers are those loaded before with this filter "
                            + "(data release " + report.releaseId() + "): nothing changed.");
            case IngestReport.REJECTED -> throw new FetchException(FetchException.ROWS_REJECTED, report.rows().rejected()
                    + " rows of " + what + " were rejected, so nothing was loaded (fetch with keep-valid to load the valid "
                    + "rows). First: " + report.rejections().stream().limit(3)
                    .map(r -> "line " + r.line() + (r.column() == null ? "" : " " + r.column()) + ": " + r.reason())
                    .toList());
            default -> throw new FetchException(FetchException.CORRUPT_ARCHIVE, what + " could not be read: "
                    + report.error() + ". Nothing was loaded.");
        };
    }

    /** Eurostat's geo codes: ISO alpha-2, except EL for Greece and UK for the United Kingdom. */
    private static List<String> eurostat(SortedSet<String> codes, ReferenceData reference) {
        SortedSet<String> out = new TreeSet<>();
        for (String code : codes) {
            String a2 = reference.country(code);
            out.add("GR".equals(a2) ? "EL" : "GB".equals(a2) ? "UK" : a2);
        }
        return List.copyOf(out);
    }

    private static String lastPeriod(String csv) {
        String last = "";
        Matcher m = PERIOD.matcher(csv);
        while (m.find()) {
            last = m.group(1).compareTo(last) > 0 ? m.group(1) : last;
        }
        return last.isEmpty() ? "none" : last;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
