package org.tradeflows.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.agroal.api.AgroalDataSource;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
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
import org.tradeflows.query.ExportQuery;
import org.tradeflows.store.Jdbc;

/**
 * Streams a query's rows from a PostgreSQL cursor straight to the client: a fixed fetch size keeps memory flat
 * whatever the row count. A stream never looks whole unless it is: the row count goes out as the HTTP trailer
 * {@value #ROWS_TRAILER} (and NDJSON ends with a trailer line), and a failure after the first byte closes the
 * connection without the terminating chunk, so every HTTP client reports an error. When the client hangs up, the
 * next write fails and the statement is cancelled, so the database stops working for nobody.
 */
@ApplicationScoped
public class ExportStreamer {

    private static final Logger LOG = Logger.getLogger(ExportStreamer.class);
    static final int FETCH_SIZE = 2000;
    /** HTTP trailer with the number of data rows sent; present only on an export that ended complete. */
    public static final String ROWS_TRAILER = "X-Tradeflows-Rows";
    /** The field of NDJSON's last line: {"_trailer":{"rows":N,"complete":true}}. */
    public static final String NDJSON_TRAILER_FIELD = "_trailer";

    private final AgroalDataSource dataSource;
    private final CurrentVertxRequest request;
    private final JsonFactory json = new JsonFactory();

    public ExportStreamer(AgroalDataSource dataSource, CurrentVertxRequest request) {
        this.dataSource = dataSource;
        this.request = request;
    }

    /** Must be called while handling the export's request: it announces the trailer on that request's response. */
    public StreamingOutput stream(ExportQuery query, ExportFormat format, String tag) {
        RoutingContext rc = request.getCurrent();
        HttpServerResponse response = rc.response();
        HttpConnection connection = rc.request().connection();
        response.setChunked(true);
        response.putHeader("Trailer", ROWS_TRAILER);
        return out -> {
            long rows;
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                c.setReadOnly(true);
                try (PreparedStatement ps = c.prepareStatement("/* tradeflows export " + tag + " */ " + query.sql())) {
                    ps.setFetchSize(FETCH_SIZE);
                    Jdbc.bind(c, ps, query.params());
                    try (ResultSet rs = ps.executeQuery()) {
                        rows = write(rs, query, format, out);
                    } catch (IOException clientGone) {
                        LOG.infof("Export %s %s: client went away, cancelling the query", query.name(), tag);
                        ps.cancel();
                        abort(response, connection);
                        throw clientGone;
                    }
                } finally {
                    c.rollback();
                    c.setReadOnly(false);
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                LOG.errorf(e, "Export %s %s failed", query.name(), tag);
                abort(response, connection);
                throw new IOException("Export failed", e);
            }
            response.putTrailer(ROWS_TRAILER, Long.toString(rows));
        };
    }

    /**
     * Once the head is out, the only honest end of a failed stream is a broken one: resetting the connection before
     * the terminating chunk makes curl, browsers, Python and Java clients all report a truncated body. Vert.x's own
     * close waits for queued data to drain, and the framework's error handling would meanwhile queue the terminating
     * chunk; so the socket itself is closed at once, with a TCP reset. Before the head, the exception answers the
     * request as an error instead.
     */
    private static void abort(HttpServerResponse response, HttpConnection connection) {
        if (response.headWritten() && !response.ended() && connection instanceof ConnectionBase base) {
            Channel channel = base.channel();
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
            // wait for the reset, so that nothing the framework writes after the exception can reach the client
            channel.close().awaitUninterruptibly(5_000);
        }
    }

    private long write(ResultSet rs, ExportQuery query, ExportFormat format, OutputStream out) throws SQLException, IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        ResultSetMetaData meta = rs.getMetaData();
        int n = query.columns().size();
        long rows = 0;
        if (format == ExportFormat.CSV) {
            boolean[] text = new boolean[n + 1];
            for (int i = 1; i <= n; i++) {
                text[i] = !typed(meta.getColumnType(i));
            }
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(query.columns().toArray(String[]::new)).get());
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    String value = rs.getString(i);
                    csv.print(text[i] ? SpreadsheetFormulas.neutralise(value) : value);
                }
                csv.println();
                rows++;
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
                rows++;
            }
            g.writeStartObject();
            g.writeObjectFieldStart(NDJSON_TRAILER_FIELD);
            g.writeNumberField("rows", rows);
            g.writeBooleanField("complete", true);
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
            g.flush();
        }
        writer.flush();
        return rows;
    }

    /** Numbers and booleans, which JSON writes unquoted and CSV leaves alone (-5 stays a number). */
    private static boolean typed(int sqlType) {
        return switch (sqlType) {
            case Types.NUMERIC, Types.DECIMAL, Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT, Types.DOUBLE,
                    Types.REAL, Types.FLOAT, Types.BOOLEAN, Types.BIT -> true;
            default -> false;
        };
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
