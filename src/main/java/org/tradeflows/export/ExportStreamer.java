package org.tradeflows.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jboss.logging.Logger;
import org.tradeflows.db.Jdbc;
import org.tradeflows.query.ExportQuery;

/**
 * Streams a query's rows from a PostgreSQL cursor straight to the client: a fixed fetch size keeps memory flat
 * whatever the row count. When the client hangs up, the next write fails and the statement is cancelled, so the
 * database stops working for nobody.
 */
@ApplicationScoped
public class ExportStreamer {

    private static final Logger LOG = Logger.getLogger(ExportStreamer.class);
    static final int FETCH_SIZE = 2000;

    private final AgroalDataSource dataSource;
    private final JsonFactory json = new JsonFactory();

    public ExportStreamer(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public StreamingOutput stream(ExportQuery query, ExportFormat format, String tag) {
        return out -> {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                c.setReadOnly(true);
                try (PreparedStatement ps = c.prepareStatement("/* tradeflows export " + tag + " */ " + query.sql())) {
                    ps.setFetchSize(FETCH_SIZE);
                    Jdbc.bind(c, ps, query.params());
                    try (ResultSet rs = ps.executeQuery()) {
                        write(rs, query, format, out);
                    } catch (IOException clientGone) {
                        LOG.infof("Export %s %s: client went away, cancelling the query", query.name(), tag);
                        ps.cancel();
                        throw clientGone;
                    }
                } finally {
                    c.rollback();
                    c.setReadOnly(false);
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                LOG.errorf(e, "Export %s %s failed", query.name(), tag);
                throw new IOException("Export failed", e);
            }
        };
    }

    private void write(ResultSet rs, ExportQuery query, ExportFormat format, OutputStream out) throws SQLException, IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        ResultSetMetaData meta = rs.getMetaData();
        int n = query.columns().size();
        if (format == ExportFormat.CSV) {
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(query.columns().toArray(String[]::new)).get());
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    csv.print(rs.getString(i));
                }
                csv.println();
            }
            csv.flush();
        } else {
            JsonGenerator g = json.createGenerator(writer);
            g.setRootValueSeparator(null);
            while (rs.next()) {
                g.writeStartObject();
                for (int i = 1; i <= n; i++) {
                    g.writeFieldName(query.columns().get(i - 1));
                    writeValue(g, rs, meta, i);
                }
                g.writeEndObject();
                g.writeRaw('\n');
            }
            g.flush();
        }
        writer.flush();
    }

    private static void writeValue(JsonGenerator g, ResultSet rs, ResultSetMetaData meta, int i) throws SQLException, IOException {
        String text = rs.getString(i);
        if (text == null) {
            g.writeNull();
            return;
        }
        switch (meta.getColumnType(i)) {
            case Types.NUMERIC, Types.DECIMAL, Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.DOUBLE, Types.REAL ->
                    g.writeNumber(text);
            case Types.BOOLEAN, Types.BIT -> g.writeBoolean(rs.getBoolean(i));
            default -> g.writeString(text);
        }
    }
}
