package org.tradeflows.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/**
 * The data_release table: one row per load, keyed by kind and content fingerprint. Shared by the loaders of the
 * shipped datasets and by ingest, so that every load is recorded the same way.
 */
public final class ReleaseStore {

    private ReleaseStore() {
    }

    /** Serialises loaders across service replicas for the length of the caller's transaction. */
    public static void lock(Connection c, String releaseKind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            ps.setString(1, "tradeflows-release-" + releaseKind);
            ps.execute();
        }
    }

    public static Optional<Long> find(Connection c, String kind, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select id from data_release where kind = ? and content_sha256 = ? order by id desc limit 1")) {
            ps.setString(1, kind);
            ps.setString(2, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public static Optional<Long> findByKey(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from data_release where key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public static long insert(Connection c, String key, String version, String kind, String sha256, Long sourceId,
            String changelog) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into data_release (key, version, kind, synthetic, content_sha256, source_id, changelog)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")) {
            ps.setString(1, key);
            ps.setString(2, version);
            ps.setString(3, kind);
            ps.setBoolean(4, "SYNTHETIC".equals(kind));
            ps.setString(5, sha256);
            if (sourceId == null) {
                ps.setNull(6, Types.BIGINT);
            } else {
                ps.setLong(6, sourceId);
            }
            ps.setString(7, changelog);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public static void recordCounts(Connection c, long releaseId, String countsJson) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update data_release set counts = ?::jsonb where id = ?")) {
            ps.setString(1, countsJson);
            ps.setLong(2, releaseId);
            ps.executeUpdate();
        }
    }

    public static void recordChangelog(Connection c, long releaseId, String changelog) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update data_release set changelog = ? where id = ?")) {
            ps.setString(1, changelog);
            ps.setLong(2, releaseId);
            ps.executeUpdate();
        }
    }
}
