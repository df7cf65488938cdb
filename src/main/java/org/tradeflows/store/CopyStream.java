package org.tradeflows.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams rows into a table with COPY ... FROM STDIN on the load's connection (and so inside its transaction). The
 * COPY can be paused to run other statements on the same connection and resumes on the next row.
 *
 * <p>A COPY that fails is cancelled before the failure is passed on: the driver holds the connection's lock for
 * the COPY until it ends or is cancelled, and when the server went away mid-COPY nothing else ends it, so the
 * rollback that follows would wait on that lock for ever (and the pool would lose the connection).
 */
final class CopyStream implements AutoCloseable {

    private final Connection connection;
    private final String sql;
    private PGCopyOutputStream out;
    private long rows;

    public CopyStream(Connection connection, String sql) {
        this.connection = connection;
        this.sql = sql;
    }

    public void write(CopyRow row) throws SQLException {
        if (out == null) {
            out = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 16);
        }
        try {
            out.write(row.bytes());
        } catch (IOException e) {
            throw failed(e);
        }
        rows++;
    }

    /** Ends the current COPY so that the connection can run other statements. */
    public void pause() throws SQLException {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw failed(e);
            } finally {
                out = null;
            }
        }
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        pause();
    }

    /** Releases the driver's COPY lock and gives the database's own error (the driver wraps it in an IOException). */
    private SQLException failed(IOException e) {
        PGCopyOutputStream broken = out;
        out = null;
        if (broken != null && broken.isActive()) {
            try {
                broken.cancelCopy();
            } catch (SQLException alreadyGone) {
                e.addSuppressed(alreadyGone);
            }
        }
        return e.getCause() instanceof SQLException sql ? sql
                : new SQLException("The COPY into the database failed: " + e.getMessage(), "08006", e);
    }
}
