package org.tradeflows.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Creates the PostgreSQL database named in the JDBC URL when it does not exist yet, by connecting to the
 * server's maintenance database. Runs before Quarkus boots so that Flyway finds a database to migrate.
 */
public final class DatabaseBootstrap {

    private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class);
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]*/)([^?]+)(\\?.*)?$");
    private static final Pattern SAFE_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,62}$");

    private final String url;
    private final String user;
    private final String password;

    public DatabaseBootstrap(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Reads the datasource settings the service itself will use (properties, environment, profile). */
    public static DatabaseBootstrap fromConfig() {
        var config = ConfigProvider.getConfig();
        String url = config.getOptionalValue("quarkus.datasource.jdbc.url", String.class)
                .orElse("jdbc:postgresql://localhost:5432/tradeflows");
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres");
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null);
        return new DatabaseBootstrap(url, user, password);
    }

    /** The same settings with some replaced (null keeps the configured one), e.g. from a command's options. */
    public DatabaseBootstrap with(String url, String user, String password) {
        return new DatabaseBootstrap(url != null ? url : this.url, user != null ? user : this.user,
                password != null ? password : this.password);
    }

    /** A plain connection to the service's database, for commands that run without starting the service. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    public void ensureDatabaseExists() {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            LOG.debugf("Not a plain PostgreSQL URL, leaving database creation to the operator: %s", url);
            return;
        }
        String database = m.group(2);
        if (!SAFE_NAME.matcher(database).matches()) {
            LOG.warnf("Database name %s is not a plain identifier; not creating it", database);
            return;
        }
        String maintenanceUrl = m.group(1) + "postgres" + Optional.ofNullable(m.group(3)).orElse("");
        try (Connection c = DriverManager.getConnection(maintenanceUrl, user, password);
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (var create = c.createStatement()) {
                create.execute("create database \"" + database + "\"");
                LOG.infof("Created database %s", database);
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return; // created concurrently by another instance
            }
            LOG.warnf("Could not make sure database %s exists (%s); the service will report it at start",
                    database, e.getMessage());
        }
    }
}
