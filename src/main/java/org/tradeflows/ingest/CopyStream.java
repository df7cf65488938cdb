package org.tradeflows.ingest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams rows into a table with COPY ... FROM STDIN on the load's connection (and so inside its transaction). The
 * COPY can be paused to run other statements on the same connection and resumes on the next row.
 */
public final class CopyStream implements AutoCloseable {

    private final Connection connection;
    private final String sql;
    private PGCopyOutputStream out;
    private long rows;

    public CopyStream(Connection connection, String sql) {
        this.connection = connection;
        this.sql = sql;
    }

    public void write(CopyRow row) throws SQLException, IOException {
        if (out == null) {
            out = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 16);
        }
        out.write(row.bytes());
        rows++;
    }

    /** Ends the current COPY so that the connection can run other statements. */
    public void pause() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        pause();
    }
}
