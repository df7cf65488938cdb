package org.tradeflows.store;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.tradeflows.config.ReplicasConfig;
import org.jboss.logging.Logger;

/**
 * Read replicas (tradeflows.replicas: PostgreSQL streaming replicas of the primary, by JDBC URL). A monitor asks each,
 * every tradeflows.replicas.check-interval, how far its replay is behind and which data version it has replayed; a
 * replica that does not answer or lags beyond tradeflows.replicas.max-lag is out until it answers in time again. A
 * request's read goes to a replica only when that replica has replayed the data version the request saw on the
 * primary, so an answer (and the answer kept under that version) is never older than the version it carries.
 */
@ApplicationScoped
public class Replicas {

    private static final Logger LOG = Logger.getLogger(Replicas.class);

    /** How far replay is behind: 0 when everything received is replayed, else the age of the last replayed commit. */
    private static final String STATE = """
            select pg_is_in_recovery(),
                   case when pg_last_wal_receive_lsn() is not distinct from pg_last_wal_replay_lsn() then 0
                        else coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 0) end,
                   (select version from data_version)""";

    /** One replica as the monitor last saw it. */
    public static final class Replica {
        public final String name;
        public final String url;
        final AgroalDataSource pool;
        final Counter queries;
        volatile boolean reachable;
        volatile double lagSeconds;
        volatile long replayedVersion = -1;
        volatile String problem = "not checked yet";

        Replica(String name, String url, AgroalDataSource pool, Counter queries) {
            this.name = name;
            this.url = url;
            this.pool = pool;
            this.queries = queries;
        }

        public boolean reachable() {
            return reachable;
        }

        public double lagSeconds() {
            return lagSeconds;
        }

        public String problem() {
            return problem;
        }
    }

    private final List<Replica> replicas = new ArrayList<>();
    private final Duration maxLag;
    private final String user;
    private final Optional<String> password;
    private final AtomicInteger next = new AtomicInteger();
    private final Counter primaryQueries;
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tradeflows-replica-monitor");
        t.setDaemon(true);
        return t;
    });

    public Replicas(ReplicasConfig config, MeterRegistry registry) {
        Duration maxLag = config.maxLag();
        Duration checkInterval = config.checkInterval();
        int poolSize = config.poolSize();
        Optional<List<String>> urls = config.urls();
        // the primary's credentials, which the replicas share (read as DatabaseBootstrap reads them)
        Config settings = ConfigProvider.getConfig();
        String user = settings.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres");
        Optional<String> password = settings.getOptionalValue("quarkus.datasource.password", String.class);
        this.maxLag = maxLag;
        this.user = user;
        this.password = password;
        this.primaryQueries = counter(registry, "primary");
        List<String> list = urls.orElse(List.of());
        for (int i = 0; i < list.size(); i++) {
            String name = "replica-" + (i + 1);
            replicas.add(new Replica(name, list.get(i), pool(list.get(i), poolSize), counter(registry, name)));
        }
        if (!replicas.isEmpty()) {
            check();
            monitor.scheduleWithFixedDelay(this::check, checkInterval.toMillis(), checkInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private static Counter counter(MeterRegistry registry, String datasource) {
        return Counter.builder("tradeflows.sql.queries").tag("datasource", datasource)
                .description("Read statements run by Jdbc, per datasource (the primary or a read replica)").register(registry);
    }

    private AgroalDataSource pool(String url, int size) {
        try {
            return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier().connectionPoolConfiguration(cp -> cp
                    .minSize(0).maxSize(size).acquisitionTimeout(Duration.ofSeconds(2))
                    .validationTimeout(Duration.ofSeconds(2)).connectionValidator(ConnectionValidator.defaultValidator())
                    .exceptionSorter(new PostgreSQLExceptionSorter())
                    .connectionFactoryConfiguration(cf -> {
                        cf.jdbcUrl(url).principal(new NamePrincipal(user)).loginTimeout(Duration.ofSeconds(2));
                        password.ifPresent(p -> cf.credential(new SimplePassword(p)));
                        return cf;
                    })));
        } catch (SQLException e) {
            throw new IllegalStateException("The read replica " + url + " cannot be configured: " + e.getMessage(), e);
        }
    }

    public List<Replica> all() {
        return List.copyOf(replicas);
    }

    public Duration maxLag() {
        return maxLag;
    }

    /** Counts a read on the primary. */
    public void countPrimary() {
        primaryQueries.increment();
    }

    /**
     * A connection to a replica in use that has replayed at least the given data version (counted as one read on
     * it), or empty: then the caller reads from the primary. For exports, which stream on a connection of their own.
     */
    public Optional<Connection> connectionAtOrAfter(long floor) {
        Replica r = pick(floor);
        if (r == null) {
            return Optional.empty();
        }
        try {
            Connection c = r.pool.getConnection();
            r.queries.increment();
            return Optional.of(c);
        } catch (SQLException e) {
            failed(r, e);
            return Optional.empty();
        }
    }

    /** Whether any replica is configured at all (else no data version needs reading to choose one). */
    public boolean configured() {
        return !replicas.isEmpty();
    }

    /** A replica in use that has replayed at least {@code floor}, round robin; null for the primary. */
    Replica pick(long floor) {
        if (floor < 0 || replicas.isEmpty()) {
            return null;
        }
        int start = Math.floorMod(next.getAndIncrement(), replicas.size());
        for (int i = 0; i < replicas.size(); i++) {
            Replica r = replicas.get((start + i) % replicas.size());
            if (inUse(r) && r.replayedVersion >= floor) {
                return r;
            }
        }
        return null;
    }

    public boolean inUse(Replica r) {
        return r.reachable && r.lagSeconds <= maxLag.toMillis() / 1000.0;
    }

    /** A read on the replica failed for want of a connection: it is out until the monitor reaches it again. */
    void failed(Replica r, SQLException e) {
        if (r.reachable) {
            r.reachable = false;
            r.problem = "unreachable";
            LOG.warnf("Read replica %s (%s) failed (%s): its reads go to the primary until it answers again", r.name,
                    r.url, e.getMessage());
        }
    }

    private void check() {
        for (Replica r : replicas) {
            boolean wasInUse = inUse(r);
            Properties props = new Properties();
            props.setProperty("user", user);
            password.ifPresent(p -> props.setProperty("password", p));
            props.setProperty("connectTimeout", "2");
            props.setProperty("socketTimeout", "5");
            try (Connection c = DriverManager.getConnection(r.url, props); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(STATE)) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    r.reachable = false;
                    r.problem = "not a replica (not in recovery)";
                } else {
                    r.lagSeconds = rs.getDouble(2);
                    r.replayedVersion = rs.getLong(3);
                    r.reachable = true;
                    r.problem = r.lagSeconds > maxLag.toMillis() / 1000.0 ? "lagging" : "";
                }
            } catch (SQLException | RuntimeException e) {
                r.reachable = false;
                r.problem = "unreachable";
            }
            if (wasInUse != inUse(r)) {
                if (inUse(r)) {
                    LOG.infof("Read replica %s (%s) is in use (lag %.1f s)", r.name, r.url, r.lagSeconds);
                } else {
                    LOG.warnf("Read replica %s (%s) is taken out (%s, lag %.1f s, at most %d ms): its reads go to "
                            + "another replica or the primary", r.name, r.url, r.problem, r.lagSeconds, maxLag.toMillis());
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        monitor.shutdownNow();
        replicas.forEach(r -> r.pool.close());
    }
}
