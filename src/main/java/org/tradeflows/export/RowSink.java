package org.tradeflows.export;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One export format's writer: the rows of a result, one at a time, then the end. {@link #finish} writes what marks a
 * complete file (NDJSON's trailer line, Parquet's footer, Arrow's end-of-stream); a failed export never calls it, so
 * its file never looks whole.
 */
interface RowSink {

    /** Writes the result's current row. */
    void row(ResultSet rs) throws SQLException, IOException;

    /** Ends a complete file of {@code rows} rows and flushes it. */
    void finish(long rows) throws IOException;

    /** Gives back what the writer holds (called after finish, and after a failure). */
    default void release() {
    }
}
