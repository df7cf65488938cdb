package org.tradeflows.ingest;

import java.io.IOException;
import java.io.Reader;
import java.sql.SQLException;

/** Reads one file format, checks every row and writes the valid ones inside the load's transaction. */
public interface FormatLoader {

    void load(LoadContext context, Reader reader) throws SQLException, IOException;
}
