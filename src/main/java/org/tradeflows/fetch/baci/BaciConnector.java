package org.tradeflows.fetch.baci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipException;
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
import org.tradeflows.ingest.reference.ReferenceData;
import org.tradeflows.model.DataReleaseRecord.Provenance;
import org.tradeflows.model.FetchState;
import org.tradeflows.store.ReleaseStore;
import org.tradeflows.store.TradeVolumeStore;

/**
 * CEPII BACI: {@code {url}BACI_HS22_V{version}.zip}, streamed through {@link BaciArchive} into the BACI loader of
 * ingest/. A version is fetched once per filter (the same version and filter again: SKIPPED_UNCHANGED, nothing
 * downloaded); a newer version replaces the rows of every other version of the cepii-baci source in the same
 * transaction, since CEPII asks users not to mix versions; an older one than the version loaded is refused.
 */
public final class BaciConnector implements Connector {

    public static final String NAME = "baci";
    public static final String PUBLISHER = "CEPII";
    public static final String LICENCE = "Etalab Open Licence 2.0";
    /** The reference CEPII asks users to cite (BACI page, "Reference document to cite"). */
    public static final String CITATION = "Gaulier, G. and Zignago, S. (2010) BACI: International Trade Database at the "
            + "Product-Level. The 1994-2007 Version. CEPII Working Paper, N°2010-23.";

    private final String baseUrl;
    private final String defaultVersion;

    public BaciConnector(String baseUrl, String defaultVersion) {
        this.baseUrl = Connector.folder(baseUrl);
        this.defaultVersion = defaultVersion;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version(FetchRequest request) {
        String v = request.version() == null || request.version().isBlank() ? defaultVersion : request.version().trim();
        if (!v.matches("[0-9]{6}[a-z]?")) {
            throw new FetchException(FetchException.BAD_REQUEST, "version: '" + v + "' is not a BACI version such as "
                    + "202501 (YYYYMM, sometimes with a letter: 202401b)");
        }
        return v;
    }

    @Override
    public String url(FetchRequest request) {
        return baseUrl + "BACI_HS22_V" + version(request) + ".zip";
    }

    @Override
    public FetchOutcome fetch(Connection c, FetchRequest request, FetchProgress progress) throws SQLException {
        String version = version(request);
        String url = url(request);
        String filterText = request.filter().toString();
        String sourceKey = IngestFormat.BACI.defaultSource().key();
        ReferenceData reference = ReferenceData.load(c);
        List<String> unknown = request.filter().unknownCountries(code -> reference.country(code) != null);
        if (!unknown.isEmpty()) {
            throw new FetchException(FetchException.BAD_REQUEST, "Unknown country codes: " + String.join(", ", unknown)
                    + " (ISO 3166 alpha-3, such as CHN, RUS, KAZ)");
        }
        Optional<String> loaded = ReleaseStore.newestUpstreamVersion(c, sourceKey);
        if (loaded.isPresent() && loaded.get() != null && version.compareTo(loaded.get()) < 0) {
            throw new FetchException(FetchException.OLDER_VERSION, "BACI version " + loaded.get() + " is loaded; version "
                    + version + " is older and would replace it. Nothing was fetched.");
        }
        Optional<Long> before = ReleaseStore.findFetched(c, sourceKey, version, filterText);
        if (before.isPresent()) {
            return new FetchOutcome(FetchState.SKIPPED_UNCHANGED, version, url, before.get(), 0, null, null,
                    "BACI version " + version + " was fetched with this filter before (data release " + before.get()
                            + "): nothing was fetched.");
        }
        OffsetDateTime retrievedAt = OffsetDateTime.now(ZoneOffset.UTC);
        HttpDownload download = HttpDownload.open(url, "BACI version " + version);
        try (BaciArchive archive = new BaciArchive(download, version, request.filter(),
                numericCodes(request.filter().exporters(), reference), numericCodes(request.filter().importers(), reference))) {
            IngestOptions options = IngestOptions.of(IngestFormat.BACI, null).dryRun(request.dryRun())
                    .keepValid(request.keepValid()).fileName("BACI_HS22_V" + version + ".zip (" + filterText + ")");
            ReleasePlan plan = new FetchRelease(NAME, version, new Provenance(PUBLISHER, version, url, LICENCE, CITATION,
                    retrievedAt, filterText), archive::sha256) {
                @Override
                public void beforeWrite(Connection c, long releaseId, long sourceId) throws SQLException {
                    super.beforeWrite(c, releaseId, sourceId);
                    TradeVolumeStore.deleteOtherVersions(c, sourceId, version);
                }
            };
            IngestReport report = Ingest.run(c, archive, options, null,
                    (rows, bytes) -> progress.progress(download.bytesRead(), download.totalBytes(), rows), plan);
            progress.progress(download.bytesRead(), download.totalBytes(), report.rows().read());
            return outcome(report, version, url, download.bytesRead(), archive);
        } catch (UncheckedIOException e) {
            throw failed(e.getCause() != null ? e.getCause() : e, download);
        } catch (IOException e) {
            throw failed(e, download);
        }
    }

    private static FetchOutcome outcome(IngestReport report, String version, String url, long bytes, BaciArchive archive) {
        String years = "; the archive has the years " + archive.yearsInArchive();
        return switch (report.status()) {
            case IngestReport.LOADED -> new FetchOutcome(FetchState.SUCCEEDED, version, url, report.releaseId(), bytes,
                    archive.sha256(), report, "Loaded BACI version " + version + ": " + report.rows().read() + " rows read, "
                            + report.rows().loaded() + " loaded, " + report.rows().unchanged() + " unchanged, "
                            + report.rows().skipped() + " skipped" + years + ".");
            case IngestReport.DRY_RUN -> new FetchOutcome(FetchState.SUCCEEDED, version, url, null, bytes, archive.sha256(),
                    report, "Dry run of BACI version " + version + ": " + report.rows().read() + " rows read and checked, "
                            + "nothing written" + years + ".");
            case IngestReport.ALREADY_LOADED -> new FetchOutcome(FetchState.SKIPPED_UNCHANGED, version, url,
                    report.releaseId(), bytes, archive.sha256(), report, "This archive was loaded with this filter before "
                            + "(data release " + report.releaseId() + "): nothing changed.");
            case IngestReport.REJECTED -> throw new FetchException(FetchException.ROWS_REJECTED, report.rows().rejected()
                    + " rows of BACI version " + version + " were rejected, so nothing was loaded (fetch with keep-valid to "
                    + "load the valid rows). First: " + report.rejections().stream().limit(3)
                    .map(r -> "line " + r.line() + (r.column() == null ? "" : " " + r.column()) + ": " + r.reason())
                    .toList());
            default -> throw new FetchException(FetchException.CORRUPT_ARCHIVE, "BACI version " + version
                    + " could not be read: " + report.error() + ". Nothing was loaded.");
        };
    }

    private static FetchException failed(Throwable e, HttpDownload download) {
        if (e instanceof FetchException f) {
            return f;
        }
        if (e instanceof ZipException) {
            return new FetchException(FetchException.CORRUPT_ARCHIVE, "The BACI archive is damaged (" + e.getMessage()
                    + "); nothing was loaded.", e);
        }
        return new FetchException(FetchException.DOWNLOAD_FAILED, "The download broke off after " + download.bytesRead()
                + (download.totalBytes() > 0 ? " of " + download.totalBytes() : "") + " bytes; nothing was loaded.", e);
    }

    /** The numeric codes BACI may write for these alpha-3 codes (ISO's and the UN's own, e.g. 842 for the USA). */
    private static Set<Integer> numericCodes(Set<String> alpha3, ReferenceData reference) {
        Set<Integer> out = new HashSet<>();
        if (alpha3.isEmpty()) {
            return out;
        }
        Set<String> alpha2 = new HashSet<>();
        alpha3.forEach(a -> alpha2.add(reference.country(a)));
        for (int n = 1; n < 1000; n++) {
            if (alpha2.contains(reference.countryByNumeric(n))) {
                out.add(n);
            }
        }
        return out;
    }

}
