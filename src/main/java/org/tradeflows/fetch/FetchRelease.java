package org.tradeflows.fetch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.tradeflows.ingest.IngestOptions;
import org.tradeflows.ingest.ReleasePlan;
import org.tradeflows.model.DataReleaseRecord.Provenance;
import org.tradeflows.store.ReleaseStore;

/**
 * The release a fetch becomes, the same for every publisher: kind FETCH, the upstream version as the release's
 * version, the checksum of what was downloaded, and the publisher's provenance recorded before any row is written.
 * Its key is {@code fetch-<connector>-<part>-<16 hex>}, the hex taken from the filter and the downloaded checksum,
 * so the same download with another filter is another release and the same one is found again.
 *
 * <p>A connector that must do more in the load's transaction (BACI drops the other versions' rows, Comtrade marks
 * its calls loaded) overrides {@link #beforeWrite} or {@link #afterWrite} and calls this class's first.
 */
public class FetchRelease implements ReleasePlan {

    private final String connector;
    private final String keyPart;
    private final Provenance provenance;
    private final Supplier<String> downloadedSha256;

    /**
     * @param keyPart what names the release besides the checksum (a version, a frequency, a dataset and version)
     * @param downloadedSha256 the SHA-256 of what was downloaded, asked for only once the rows are read (a checked
     *     download knows it at its end); {@code null} when the text the loader read is what was downloaded
     */
    public FetchRelease(String connector, String keyPart, Provenance provenance, Supplier<String> downloadedSha256) {
        this.connector = connector;
        this.keyPart = keyPart;
        this.provenance = provenance;
        this.downloadedSha256 = downloadedSha256;
    }

    @Override
    public final String key(IngestOptions options, String sourceKey, String textSha256) {
        return "fetch-" + connector + "-" + keyPart + "-"
                + sha256Hex(provenance.filter() + "\n" + contentSha256(textSha256)).substring(0, 16);
    }

    @Override
    public final String version(String textSha256) {
        return provenance.upstreamVersion();
    }

    @Override
    public final String kind() {
        return "FETCH";
    }

    @Override
    public final String contentSha256(String textSha256) {
        return downloadedSha256 == null ? textSha256 : downloadedSha256.get();
    }

    @Override
    public void beforeWrite(Connection c, long releaseId, long sourceId) throws SQLException {
        ReleaseStore.recordProvenance(c, releaseId, provenance);
    }

    /** The hex SHA-256 of a text's UTF-8 bytes. */
    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
