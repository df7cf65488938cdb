package org.tradeflows.ingest;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How the rows a load reads become a data release. A file uploaded or loaded by a curator is one INGEST release
 * keyed by its content ({@link #INGEST}); a fetch from a publisher names its own release (kind, key, the checksum of
 * what was downloaded) and adds its provenance in the load's transaction, before the rows are written and after.
 */
public interface ReleasePlan {

    ReleasePlan INGEST = new ReleasePlan() {
    };

    /** The release key; {@code textSha256} is the SHA-256 of the text the loader read. */
    default String key(IngestOptions options, String sourceKey, String textSha256) {
        return Ingest.releaseKey(options.format(), sourceKey, textSha256);
    }

    default String version(String textSha256) {
        return textSha256.substring(0, 12);
    }

    default String kind() {
        return "INGEST";
    }

    /** The checksum recorded with the release (what was downloaded, for a fetch). */
    default String contentSha256(String textSha256) {
        return textSha256;
    }

    /** Runs after the release row is made and before any row is written, in the load's transaction. */
    default void beforeWrite(Connection c, long releaseId, long sourceId) throws SQLException {
    }

    /** Runs after the rows are written and before the commit. */
    default void afterWrite(Connection c, long releaseId) throws SQLException {
    }
}
