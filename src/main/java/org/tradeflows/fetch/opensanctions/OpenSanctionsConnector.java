package org.tradeflows.fetch.opensanctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.tradeflows.fetch.Connector;
import org.tradeflows.fetch.FetchException;
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
import org.tradeflows.model.DataReleaseRecord.Provenance;
import org.tradeflows.model.FetchState;
import org.tradeflows.store.ReleaseStore;

/**
 * OpenSanctions: {@code {url}{dataset}/index.json} names the dataset's latest {@code version} and its exports
 * ({@code resources[]} with name, url, checksum); the chosen export ({@code targets.simple.csv} or
 * {@code entities.ftm.json}) of that version is streamed into the existing sanctions loaders, which match targets
 * onto existing companies as an upload does. A version fetched before is not downloaded again (SKIPPED_UNCHANGED,
 * only the index is read). The data is CC BY-NC 4.0: it is fetched by the user, never shipped.
 */
public final class OpenSanctionsConnector implements Connector {

    public static final String NAME = "opensanctions";
    public static final String PUBLISHER = "OpenSanctions Datenbanken GmbH";
    public static final String LICENCE = "CC BY-NC 4.0 (commercial use requires a licence from OpenSanctions)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String defaultDataset;
    private final String resource;

    public OpenSanctionsConnector(String baseUrl, String defaultDataset, String resource) {
        this.baseUrl = Connector.folder(baseUrl);
        this.defaultDataset = defaultDataset;
        this.resource = resource;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** OpenSanctions publishes one latest version; which one is known from its index only. */
    @Override
    public String version(FetchRequest request) {
        dataset(request);
        return Connector.latestOnly(request, "OpenSanctions is fetched at its latest "
                + "version only (leave the version out)");
    }

    @Override
    public String url(FetchRequest request) {
        return baseUrl + dataset(request) + "/index.json";
    }

    private String dataset(FetchRequest request) {
        String d = request.option("dataset") == null ? defaultDataset : request.option("dataset");
        d = d.toLowerCase(Locale.ROOT);
        if (!d.matches("[a-z0-9][a-z0-9_]{0,79}")) {
            throw new FetchException(FetchException.BAD_REQUEST, "dataset: '" + d + "' is not an OpenSanctions dataset "
                    + "name such as sanctions, default or us_ofac_sdn");
        }
        return d;
    }

    private IngestFormat format() {
        return resource.endsWith(".csv") ? IngestFormat.OPENSANCTIONS_CSV : IngestFormat.OPENSANCTIONS_FTM;
    }

    @Override
    public FetchOutcome fetch(Connection c, FetchRequest request, FetchProgress progress) throws SQLException {
        String dataset = dataset(request);
        Index index = index(url(request), dataset);
        String filterText = "dataset=" + dataset + ";resource=" + resource;
        String sourceKey = format().defaultSource().key();
        Optional<Long> before = ReleaseStore.findFetched(c, sourceKey, index.version, filterText);
        if (before.isPresent()) {
            return new FetchOutcome(FetchState.SKIPPED_UNCHANGED, index.version, index.url, before.get(), 0, null, null,
                    "OpenSanctions " + dataset + " version " + index.version + " was fetched before (data release "
                            + before.get() + "): nothing was fetched.");
        }
        OffsetDateTime retrievedAt = OffsetDateTime.now(ZoneOffset.UTC);
        HttpDownload download = HttpDownload.open(index.url, resource + " of OpenSanctions " + dataset);
        Checked body = new Checked(download, index.checksum);
        ReleasePlan plan = new FetchRelease(NAME, dataset + "-" + index.version, new Provenance(PUBLISHER, index.version,
                index.url, LICENCE, "OpenSanctions, " + dataset + " dataset, version " + index.version
                        + (index.lastChange == null ? "" : " (last change " + index.lastChange + ")")
                        + ", https://www.opensanctions.org/datasets/" + dataset + "/ (CC BY-NC 4.0).",
                retrievedAt, filterText), body::verified);
        try (body) {
            IngestOptions options = IngestOptions.of(format(), null).dryRun(request.dryRun())
                    .keepValid(request.keepValid()).fileName(resource + " of OpenSanctions " + dataset + " " + index.version);
            IngestReport report = Ingest.run(c, body, options, null,
                    (rows, bytes) -> progress.progress(download.bytesRead(), download.totalBytes(), rows), plan);
            progress.progress(download.bytesRead(), download.totalBytes(), report.rows().read());
            if (IngestReport.INVALID_FILE.equals(report.status()) && download.totalBytes() > download.bytesRead()) {
                throw failed(new IOException("cut"), download); // the loader saw the cut as a broken file
            }
            return outcome(report, dataset, index, download.bytesRead(), body.verified);
        } catch (UncheckedIOException e) {
            throw failed(e.getCause() != null ? e.getCause() : e, download);
        } catch (IOException e) {
            throw failed(e, download);
        }
    }

    private Index index(String indexUrl, String dataset) {
        JsonNode root;
        try (HttpDownload in = HttpDownload.open(indexUrl, "dataset '" + dataset + "'")) {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new FetchException(FetchException.DOWNLOAD_FAILED, "The index of OpenSanctions " + dataset + " at "
                    + indexUrl + " could not be read; nothing was loaded.", e);
        }
        String version = root == null ? "" : root.path("version").asText("");
        if (!version.matches("[0-9A-Za-z][0-9A-Za-z._-]{0,63}")) {
            throw new FetchException(FetchException.CORRUPT_ARCHIVE, "The index at " + indexUrl + " names no version; "
                    + "nothing was loaded.");
        }
        for (JsonNode r : root.path("resources")) {
            if (resource.equals(r.path("name").asText())) {
                String url = r.path("url").asText("");
                if (!url.startsWith("http://") && !url.startsWith("https://")) {
                    break;
                }
                return new Index(version, root.path("last_change").asText(null), url,
                        r.path("checksum").asText("").toLowerCase(Locale.ROOT));
            }
        }
        throw new FetchException(FetchException.VERSION_NOT_PUBLISHED, "OpenSanctions " + dataset + " version " + version
                + " has no " + resource + " export; nothing was loaded.");
    }

    private static FetchOutcome outcome(IngestReport report, String dataset, Index index, long bytes, String sha256) {
        String what = "OpenSanctions " + dataset + " version " + index.version;
        return switch (report.status()) {
            case IngestReport.LOADED -> new FetchOutcome(FetchState.SUCCEEDED, index.version, index.url, report.releaseId(),
                    bytes, sha256, report, "Loaded " + what + ": " + report.rows().read() + " rows read, "
                            + report.rows().loaded() + " loaded, " + report.rows().skipped() + " skipped (not companies).");
            case IngestReport.DRY_RUN -> new FetchOutcome(FetchState.SUCCEEDED, index.version, index.url, null, bytes,
                    sha256, report, "Dry run of " + what + ": " + report.rows().read() + " rows read and checked, nothing "
                            + "written.");
            case IngestReport.ALREADY_LOADED -> new FetchOutcome(FetchState.SKIPPED_UNCHANGED, index.version, index.url,
                    report.releaseId(), bytes, sha256, report, "This export was loaded before (data release "
                            + report.releaseId() + "): nothing changed.");
            case IngestReport.REJECTED -> throw new FetchException(FetchException.ROWS_REJECTED, report.rows().rejected()
                    + " rows of " + what + " were rejected, so nothing was loaded (fetch with keep-valid to load the valid "
                    + "rows). First: " + report.rejections().stream().limit(3)
                    .map(r -> "line " + r.line() + (r.column() == null ? "" : " " + r.column()) + ": " + r.reason())
                    .toList());
            default -> throw new FetchException(FetchException.CORRUPT_ARCHIVE, what + " could not be read: "
                    + report.error() + ". Nothing was loaded.");
        };
    }

    private static FetchException failed(Throwable e, HttpDownload download) {
        if (e instanceof FetchException f) {
            return f;
        }
        return new FetchException(FetchException.DOWNLOAD_FAILED, "The download broke off after " + download.bytesRead()
                + (download.totalBytes() > 0 ? " of " + download.totalBytes() : "") + " bytes; nothing was loaded.", e);
    }

    private record Index(String version, String lastChange, String url, String checksum) {
    }

    /** The export as it downloads, checked at its end against the index's checksum (SHA-1, or SHA-256). */
    private static final class Checked extends DigestInputStream {
        private final HttpDownload download;
        private final String expected;

        Checked(HttpDownload download, String expected) {
            super(download, sha1());
            this.download = download;
            this.expected = expected;
        }

        private static MessageDigest sha1() {
            try {
                return MessageDigest.getInstance("SHA-1");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Reads what is left (the loader may stop early), compares checksums, and returns the SHA-256 of the whole export. */
        private String verified;

        String verify() throws IOException {
            byte[] buffer = new byte[1 << 16];
            while (read(buffer, 0, buffer.length) >= 0) {
                // drained into both digests
            }
            String sha1 = HexFormat.of().formatHex(getMessageDigest().digest());
            String sha256 = download.sha256();
            boolean ok = expected.isEmpty() || expected.equals(expected.length() == 40 ? sha1 : sha256);
            if (!ok) {
                throw new FetchException(FetchException.CORRUPT_ARCHIVE, "The export does not match the checksum in "
                        + "OpenSanctions' index (" + expected + "); nothing was loaded.");
            }
            return sha256;
        }

        /** {@link #verify()}, once: the first call checks and keeps the checksum, later calls return it. */
        String verified() {
            if (verified == null) {
                try {
                    verified = verify();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return verified;
        }
    }

}
