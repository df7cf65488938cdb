package org.tradeflows.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tradeflows.model.FetchRunRecord;
import org.tradeflows.model.FetchState;

/**
 * The fetch_run table: one row per fetch, written on its own connection in short transactions (apart from the
 * fetch's load, which commits or rolls back as a whole), so that progress and failures are seen while it runs and
 * after it failed. A partial unique index keeps one run QUEUED or RUNNING at a time across replicas.
 */
@ApplicationScoped
public class FetchRunStore {

    private static final String COLUMNS = """
            id, source, state, filter, dry_run, requested_by, upstream_version, url, created_at, started_at, finished_at,
            bytes_read, bytes_total, rows_read, rows_loaded, error_code, error_message, message, release_id""";

    private final Jdbc jdbc;

    public FetchRunStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs, newest first, of one source or of all. */
    public List<FetchRunRecord> newest(String source, int limit) {
        return jdbc.list("select " + COLUMNS + " from fetch_run where (?::text is null or source = ?) order by id desc limit ?",
                Arrays.asList(source, source, limit), FetchRunStore::map);
    }

    public Optional<FetchRunRecord> byId(long id) {
        return jdbc.one("select " + COLUMNS + " from fetch_run where id = ?", List.of(id), FetchRunStore::map);
    }

    /** The last finished run of each source (what readiness reports on). */
    public List<FetchRunRecord> lastFinishedPerSource() {
        return jdbc.list("select distinct on (source) " + COLUMNS + " from fetch_run where state not in ('QUEUED', 'RUNNING') "
                + "order by source, id desc", List.of(), FetchRunStore::map);
    }

    /**
     * Makes a QUEUED run, or returns empty when another run is QUEUED or RUNNING (the unique index decides, so two
     * replicas cannot both start one).
     */
    public static Optional<Long> queue(Connection c, String source, String filter, boolean dryRun, String requestedBy)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into fetch_run (source, state, filter, dry_run, requested_by) values (?, 'QUEUED', ?, ?, ?)
                on conflict do nothing returning id""")) {
            ps.setString(1, source);
            ps.setString(2, filter);
            ps.setBoolean(3, dryRun);
            ps.setString(4, requestedBy);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public static void started(Connection c, long id, String upstreamVersion, String url) throws SQLException {
        update(c, "update fetch_run set state = 'RUNNING', started_at = now(), upstream_version = ?, url = ? where id = ?",
                upstreamVersion, url, id);
    }

    /** The version and address a run turned out to fetch (a publisher's "latest" is known from its index only). */
    public static void resolved(Connection c, long id, String upstreamVersion, String url) throws SQLException {
        update(c, "update fetch_run set upstream_version = ?, url = ? where id = ?", upstreamVersion, url, id);
    }

    public static void progress(Connection c, long id, long bytesRead, Long bytesTotal, long rowsRead) throws SQLException {
        update(c, "update fetch_run set bytes_read = ?, bytes_total = ?, rows_read = ? where id = ?", bytesRead, bytesTotal,
                rowsRead, id);
    }

    /** Ends a run; {@code errorCode} is null unless it FAILED. */
    public static void finished(Connection c, long id, FetchState state, long bytesRead, long rowsRead, long rowsLoaded,
            Long releaseId, String errorCode, String errorMessage, String message) throws SQLException {
        update(c, """
                update fetch_run set state = ?, finished_at = now(), bytes_read = ?, rows_read = ?, rows_loaded = ?,
                    release_id = ?, error_code = ?, error_message = ?, message = ?
                where id = ?""", state.name(), bytesRead, rowsRead, rowsLoaded, releaseId, errorCode, errorMessage, message, id);
    }

    /**
     * Takes the lock a running fetch holds for as long as it runs (a session lock: it goes with a process that dies);
     * false when another session holds it.
     */
    public static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(hashtext('tradeflows-fetch-run'))");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    public static void unlock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_unlock(hashtext('tradeflows-fetch-run'))")) {
            ps.execute();
        }
    }

    /**
     * Ends as FAILED the runs whose process is gone: RUNNING ones (called only while holding the lock, so none is
     * running) and QUEUED ones never started within ten minutes.
     */
    public static int failAbandoned(Connection c, String errorCode, String message) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update fetch_run set state = 'FAILED', finished_at = now(), error_code = ?, error_message = ?
                where state = 'RUNNING' or (state = 'QUEUED' and created_at < now() - interval '10 minutes')""")) {
            ps.setString(1, errorCode);
            ps.setString(2, message);
            return ps.executeUpdate();
        }
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    static FetchRunRecord map(ResultSet rs) throws SQLException {
        return new FetchRunRecord(rs.getLong("id"), rs.getString("source"), FetchState.valueOf(rs.getString("state")),
                rs.getString("filter"), rs.getBoolean("dry_run"), rs.getString("requested_by"),
                rs.getString("upstream_version"), rs.getString("url"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
                rs.getLong("bytes_read"), Jdbc.longOrNull(rs, "bytes_total"), rs.getLong("rows_read"),
                rs.getLong("rows_loaded"), rs.getString("error_code"), rs.getString("error_message"),
                rs.getString("message"), Jdbc.longOrNull(rs, "release_id"));
    }
}
