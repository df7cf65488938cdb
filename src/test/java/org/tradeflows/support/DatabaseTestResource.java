package org.tradeflows.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.Optional;
import org.tradeflows.store.DatabaseBootstrap;

/** Creates the test database on the local PostgreSQL when it is missing, as the service's main method does. */
public class DatabaseTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String URL = Optional.ofNullable(System.getenv("QUARKUS_DATASOURCE_JDBC_URL"))
            .orElse("jdbc:postgresql://localhost:5432/tradeflows_test");

    @Override
    public Map<String, String> start() {
        new DatabaseBootstrap(URL, Optional.ofNullable(System.getenv("QUARKUS_DATASOURCE_USERNAME")).orElse("postgres"),
                System.getenv("QUARKUS_DATASOURCE_PASSWORD")).ensureDatabaseExists();
        return Map.of("quarkus.datasource.jdbc.url", URL);
    }

    @Override
    public void stop() {
    }
}
