package org.tradeflows.ingest;

import java.io.IOException;
import java.io.Reader;
import java.sql.SQLException;

/**
 * One file format, in two steps inside the load's transaction: {@link #read} checks every row and stages the valid
 * ones (nothing reaches its table yet, so a file found to be loaded before costs no writes); {@link #write} moves
 * the staged rows into their tables. {@code write} is called only while the load is still writing (no bad row, or
 * keep-valid).
 */
public interface FormatLoader {

    void read(LoadContext context, Reader reader) throws SQLException, IOException;

    void write(LoadContext context) throws SQLException, IOException;
}
