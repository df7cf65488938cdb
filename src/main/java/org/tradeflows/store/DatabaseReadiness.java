package org.tradeflows.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Ready when a pooled connection answers. When none does, readiness says the database is unreachable in those words:
 * the driver's own message (a PostgreSQL FATAL, a host and port) goes to the log, never to the client.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class);
    private static final int VALID_WITHIN_SECONDS = 3;
    /** What /q/health's error message says of this check when it is down (the key web.HealthAnswers reads). */
    private static final String REASON = "reason";

    private final AgroalDataSource dataSource;

    public DatabaseReadiness(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection()) {
            if (c.isValid(VALID_WITHIN_SECONDS)) {
                return HealthCheckResponse.named("database").up().withData("database", "reachable").build();
            }
            LOG.warn("Readiness: the database connection did not answer");
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Readiness: the database is unreachable: %s", e.getMessage());
        }
        return HealthCheckResponse.named("database").down().withData("database", "unreachable")
                .withData(REASON, "the database is unreachable").build();
    }
}
