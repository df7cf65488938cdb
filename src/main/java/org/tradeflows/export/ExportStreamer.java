package org.tradeflows.export;

import io.agroal.api.AgroalDataSource;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.tradeflows.query.ExportQuery;
import org.tradeflows.model.ApiRole;
import org.tradeflows.security.ApiKeyIdentityProvider;
import org.tradeflows.store.DataVersion;
import org.tradeflows.store.Jdbc;
import org.tradeflows.store.Replicas;
import org.tradeflows.store.SourceStore;

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
    private final SourceStore sources;
    /** The threads that read exports' rows ahead of their writers ({@link ReadAhead}), one per running export. */
    private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tradeflows-export-reader");
        t.setDaemon(true);
        return t;
    });
    private final Replicas replicas;
    private final DataVersion dataVersion;

    public ExportStreamer(AgroalDataSource dataSource, CurrentVertxRequest request, SourceStore sources, Replicas replicas,
            DataVersion dataVersion) {
        this.dataSource = dataSource;
        this.request = request;
        this.sources = sources;
        this.replicas = replicas;
        this.dataVersion = dataVersion;
    }

    /**
     * Anonymous callers' and readers' exports stream from a read replica that has replayed the primary's current data
     * version; curators' and admins' (and every export when no replica is in use) from the primary.
     */
    private Connection connection(RoutingContext rc) throws SQLException {
        if (replicas.configured()) {
            SecurityIdentity identity = rc.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
            boolean reader = ApiKeyIdentityProvider.role(identity).map(role -> role == ApiRole.READER).orElse(true);
            if (reader) {
                Optional<Connection> replica = replicas.connectionAtOrAfter(dataVersion.current());
                if (replica.isPresent()) {
                    return replica.get();
                }
            }
        }
        replicas.countPrimary();
        return dataSource.getConnection();
    }

    /** Must be called while handling the export's request: it announces the trailer on that request's response. */
    public StreamingOutput stream(ExportQuery query, ExportFormat format, ExportMetadata metadata, String tag) {
        RoutingContext rc = request.getCurrent();
        HttpServerResponse response = rc.response();
        HttpConnection connection = rc.request().connection();
        response.setChunked(true);
        response.putHeader("Trailer", ROWS_TRAILER);
        return out -> {
            long rows;
            try (Connection c = connection(rc)) {
                c.setAutoCommit(false);
                c.setReadOnly(true);
                try (PreparedStatement ps = c.prepareStatement("/* tradeflows export " + tag + " */ " + query.sql())) {
                    ps.setFetchSize(FETCH_SIZE);
                    Jdbc.bind(c, ps, query.params());
                    try (ResultSet rs = ps.executeQuery()) {
                        rows = write(rs, ps, query, format, metadata, out);
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

    private long write(ResultSet rs, PreparedStatement ps, ExportQuery query, ExportFormat format, ExportMetadata metadata, OutputStream body)
            throws SQLException, IOException {
        OutputStream out = new FilterOutputStream(body) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                body.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                body.flush(); // the response ends after its trailer, in stream()
            }
        };
        List<ColumnType> columns = ColumnType.of(rs.getMetaData(), query.columns());
        RowSink sink = switch (format) {
            case CSV -> TextSinks.csv(out, columns);
            case NDJSON -> TextSinks.ndjson(out, columns);
            case PARQUET -> ParquetSink.open(out, columns, metadata, sources::citations);
            case ARROW -> ArrowSink.open(out, columns, metadata);
        };
        long rows = 0;
        ReadAhead ahead = ReadAhead.start(rs, ps, FETCH_SIZE, readers);
        try {
            if (ahead == null) {
                rows = copy(rs, sink);
            } else {
                for (ResultSet batch = ahead.next(); batch != null; batch = ahead.next()) {
                    rows += copy(batch, sink);
                }
            }
            sink.finish(rows);
        } catch (IllegalStateException e) { // a value the typed formats cannot hold exactly
            throw new SQLException(e.getMessage(), e);
        } finally {
            if (ahead != null) {
                ahead.close();
            }
            sink.release();
        }
        return rows;
    }

    private static long copy(ResultSet rs, RowSink sink) throws SQLException, IOException {
        long rows = 0;
        while (rs.next()) {
            sink.row(rs);
            rows++;
        }
        return rows;
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }
}
