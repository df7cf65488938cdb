package org.tradeflows.store;

import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import org.tradeflows.model.DataReleaseRecord;
import org.tradeflows.model.ReleaseKind;
import org.tradeflows.query.SyntheticRules;
import org.tradeflows.sql.Sql;

/**
 * The data_release table: one row per load, keyed by kind and content fingerprint. Shared by the loaders of the
 * shipped datasets and by ingest, so that every load is recorded the same way (static, on the loader's connection),
 * and the reads of the API and the exports (through the pooled {@link Jdbc}).
 */
@ApplicationScoped
public class ReleaseStore {

    private static final String COLUMNS = "id, key, version, kind, synthetic, released_at, content_sha256, counts::text as counts, "
            + "changelog, source_id, publisher, upstream_version, url, licence, citation, retrieved_at, fetch_filter";

    private final Jdbc jdbc;

    public ReleaseStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<DataReleaseRecord> all(boolean includeSynthetic) {
        return jdbc.list(sql("select {} from data_release where {} order by id", sql(COLUMNS),
                includeSynthetic ? Sql.TRUE : SyntheticRules.REAL_RELEASE), ReleaseStore::map);
    }

    public List<DataReleaseRecord> byIds(Collection<Long> ids) {
        return jdbc.list("select " + COLUMNS + " from data_release where id = any(?)", List.of(ids), ReleaseStore::map);
    }

    /** The newest release of real data (synthetic test releases are not the open dataset's). */
    public Optional<DataReleaseRecord> current() {
        return jdbc.one(sql("select {} from data_release where {} order by id desc limit 1", sql(COLUMNS),
                SyntheticRules.REAL_RELEASE), ReleaseStore::map);
    }

    /**
     * The release a reference names: its id, its key, or its (upstream) version, in that order of precedence; the
     * newest when several releases share a version.
     */
    public Optional<Long> byReference(String reference) {
        Sql ref = value(reference);
        return jdbc.one(sql("""
                select id from data_release where id::text = {ref} or key = {ref} or version = {ref} or upstream_version = {ref}
                order by (id::text = {ref}) desc, (key = {ref}) desc, id desc limit 1""", Map.of("ref", ref)),
                rs -> rs.getLong(1));
    }

    /** The newest release published on or before the given day (UTC), if any. */
    public Optional<Long> publishedBy(LocalDate day) {
        return jdbc.one("""
                select max(id) from data_release where released_at < (?::date + 1)::timestamp at time zone 'UTC'
                having max(id) is not null""", List.of(day.toString()), rs -> rs.getLong(1));
    }

    /** The newest release of any kind: what the official figures' current rows stand for. */
    public long newestId() {
        return jdbc.count("select coalesce(max(id), 0) from data_release", List.of());
    }

    static DataReleaseRecord map(ResultSet rs) throws SQLException {
        return new DataReleaseRecord(rs.getLong("id"), rs.getString("key"), rs.getString("version"),
                ReleaseKind.valueOf(rs.getString("kind")), rs.getBoolean("synthetic"),
                rs.getObject("released_at", OffsetDateTime.class), rs.getString("content_sha256"), rs.getString("counts"),
                rs.getString("changelog"), Jdbc.longOrNull(rs, "source_id"), provenance(rs));
    }

    private static DataReleaseRecord.Provenance provenance(ResultSet rs) throws SQLException {
        if (rs.getString("upstream_version") == null && rs.getString("publisher") == null) {
            return null;
        }
        return new DataReleaseRecord.Provenance(rs.getString("publisher"), rs.getString("upstream_version"),
                rs.getString("url"), rs.getString("licence"), rs.getString("citation"),
                rs.getObject("retrieved_at", OffsetDateTime.class), rs.getString("fetch_filter"));
    }

    /** Records where a fetched release came from, in the fetch's transaction. */
    public static void recordProvenance(Connection c, long releaseId, DataReleaseRecord.Provenance p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update data_release set publisher = ?, upstream_version = ?, url = ?, licence = ?, citation = ?,
                    retrieved_at = ?, fetch_filter = ?
                where id = ?""")) {
            ps.setString(1, p.publisher());
            ps.setString(2, p.upstreamVersion());
            ps.setString(3, p.url());
            ps.setString(4, p.licence());
            ps.setString(5, p.citation());
            ps.setObject(6, p.retrievedAt());
            ps.setString(7, p.filter());
            ps.setLong(8, releaseId);
            ps.executeUpdate();
        }
    }

    /** The release an earlier fetch of this source, upstream version and filter became, if any. */
    public static Optional<Long> findFetched(Connection c, String sourceKey, String upstreamVersion, String filter)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select r.id from data_release r join source s on s.id = r.source_id
                where s.key = ? and r.kind = 'FETCH' and r.upstream_version = ? and r.fetch_filter = ?
                order by r.id desc limit 1""")) {
            ps.setString(1, sourceKey);
            ps.setString(2, upstreamVersion);
            ps.setString(3, filter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The upstream version of the source's newest fetched release, if it has one. */
    public static Optional<String> newestUpstreamVersion(Connection c, String sourceKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select r.upstream_version from data_release r join source s on s.id = r.source_id
                where s.key = ? and r.kind = 'FETCH' order by r.id desc limit 1""")) {
            ps.setString(1, sourceKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
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
