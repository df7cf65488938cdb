package org.tradeflows.ingest.web;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import org.tradeflows.ingest.Ingest;
import org.tradeflows.ingest.IngestOptions;
import org.tradeflows.ingest.IngestReport;
import org.tradeflows.ingest.ProgressListener;
import org.tradeflows.store.DataAccessException;

/** The ingest core on the service's datasource: one connection, one transaction per upload. */
@ApplicationScoped
public class IngestService {

    private final AgroalDataSource dataSource;

    public IngestService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public IngestReport load(InputStream body, IngestOptions options) {
        try (Connection c = dataSource.getConnection()) {
            return Ingest.run(c, body, options, null, ProgressListener.NONE);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
