package org.tradeflows.store;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.tradeflows.config.LimitsConfig;
import org.tradeflows.sql.Sql;

/**
 * Runs SQL text with bound parameters on the service's datasource. The SQL itself lives in the *Sql class of
 * each aggregate; this class only binds, executes and maps. Connections join the caller's transaction. Every statement
 * is cancelled by PostgreSQL after tradeflows.limits.statement-timeout (SQLState 57014, answered TIMEOUT), or sooner
 * when the GraphQL request it serves runs out of its time budget ({@link StatementBudget}); loaders,
 * exports and migrations use their own connections and are not bound by it.
 */
@ApplicationScoped
public class Jdbc {

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Jdbc.class);

    private final AgroalDataSource dataSource;
    /** Statements run, exported as tradeflows_sql_statements_total: the N+1 guard in the tests reads it. */
    private final Counter statements;
    /** Seconds after which PostgreSQL is asked to cancel a statement (JDBC counts whole seconds); 0 for none. */
    private final int timeoutSeconds;

    private final StatementBudget.Finder budgets;
    private final Replicas replicas;

    @Inject
    public Jdbc(AgroalDataSource dataSource, MeterRegistry registry, LimitsConfig limits, StatementBudget.Finder budgets,
            Replicas replicas) {
        this.dataSource = dataSource;
        this.replicas = replicas;
        this.budgets = budgets;
        Duration statementTimeout = limits.statementTimeout();
        this.statements = Counter.builder("tradeflows.sql.statements")
                .description("SQL statements run by the read path (Jdbc)").register(registry);
        this.timeoutSeconds = (int) Math.min(Integer.MAX_VALUE, (statementTimeout.toMillis() + 999) / 1000);
    }

    /** Set while this thread runs work that serves no request (Jdbc.background): its statements are not counted. */
    private static final ThreadLocal<Boolean> BACKGROUND = ThreadLocal.withInitial(() -> false);

    /**
     * Runs work that serves no request on this thread: the live hub's poll and its re-runs of watched answers (which go
     * through the GraphQL engine and every store), the webhook poll and deliveries. Whatever store it calls, its
     * statements are left out of tradeflows.sql.statements, which counts the statements of requests: the one way to say
     * "not a request", set where such work starts rather than in each store it uses.
     */
    public static <T> T background(java.util.function.Supplier<T> work) {
        boolean was = BACKGROUND.get();
        BACKGROUND.set(true);
        try {
            return work.get();
        } finally {
            BACKGROUND.set(was);
        }
    }

    /** {@link #background(java.util.function.Supplier)} for work that returns nothing. */
    public static void background(Runnable work) {
        background(() -> {
            work.run();
            return null;
        });
    }

    private void count() {
        if (!BACKGROUND.get()) {
            statements.increment();
        }
    }

    public <T> List<T> list(String sql, List<?> params, RowMapper<T> mapper) {
        count();
        LOG.debugf("SQL %s", sql.lines().findFirst().orElse(""));
        StatementBudget budget = budgets.current();
        Replicas.Replica replica = budget == null ? null : replicas.pick(budget.replicaFloor());
        if (replica != null) {
            Connection c;
            try {
                c = replica.pool.getConnection();
            } catch (SQLException e) { // no connection to the replica: the read goes to the primary, unnoticed
                replicas.failed(replica, e);
                return onPrimary(sql, params, mapper, budget);
            }
            replica.queries.increment();
            return list(sql, params, mapper, budget, c, replica);
        }
        return onPrimary(sql, params, mapper, budget);
    }

    private <T> List<T> onPrimary(String sql, List<?> params, RowMapper<T> mapper, StatementBudget budget) {
        replicas.countPrimary();
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
        return list(sql, params, mapper, budget, c, null);
    }

    /** Runs the read on the connection (closing it); on a replica whose connection breaks, again on the primary. */
    private <T> List<T> list(String sql, List<?> params, RowMapper<T> mapper, StatementBudget budget, Connection connection,
            Replicas.Replica replica) {
        try (Connection c = connection; PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(budget == null ? timeoutSeconds : budget.admit(ps, timeoutSeconds));
            try {
                bind(c, ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    List<T> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(mapper.map(rs));
                    }
                    return out;
                }
            } finally {
                if (budget != null) {
                    budget.done(ps);
                }
            }
        } catch (SQLException e) {
            if (replica != null && e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                replicas.failed(replica, e);
                return onPrimary(sql, params, mapper, budget);
            }
            throw new DataAccessException(e);
        }
    }

    public <T> Optional<T> one(String sql, List<?> params, RowMapper<T> mapper) {
        List<T> rows = list(sql, params, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public long count(String sql, List<?> params) {
        return one(sql, params, rs -> rs.getLong(1)).orElse(0L);
    }

    public int update(String sql, List<?> params) {
        count();
        StatementBudget budget = budgets.current();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(budget == null ? timeoutSeconds : budget.admit(ps, timeoutSeconds));
            try {
                bind(c, ps, params);
                return ps.executeUpdate();
            } finally {
                if (budget != null) {
                    budget.done(ps);
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * Puts rows back that were deleted whole, as JSON objects (to_jsonb of the row, ids included), through a statement
     * that takes them as one jsonb array (jsonb_populate_recordset); no rows, no statement.
     */
    public void insertJsonRows(String sql, List<String> rowsJson) {
        if (!rowsJson.isEmpty()) {
            update(sql, List.of("[" + String.join(",", rowsJson) + "]"));
        }
    }

    /** The rows of a statement whose values travel with its text. */
    public <T> List<T> list(Sql sql, RowMapper<T> mapper) {
        return list(sql.text(), sql.values(), mapper);
    }

    public <T> Optional<T> one(Sql sql, RowMapper<T> mapper) {
        return one(sql.text(), sql.values(), mapper);
    }

    public long count(Sql sql) {
        return count(sql.text(), sql.values());
    }

    public int update(Sql sql) {
        return update(sql.text(), sql.values());
    }

    /** Binds values by type; collections become PostgreSQL arrays so that one statement can serve a batch. */
    public static void bind(Connection c, PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            int index = i + 1;
            if (p == null) {
                ps.setNull(index, Types.NULL);
            } else if (p instanceof Collection<?> values && values.isEmpty()) {
                ps.setNull(index, Types.ARRAY); // "= any(null)" matches nothing, whatever the element type
            } else if (p instanceof Collection<?> values) {
                ps.setArray(index, c.createArrayOf(arrayType(values), values.toArray()));
            } else if (p instanceof Enum<?> e) {
                ps.setString(index, e.name());
            } else if (p instanceof LocalDate d) {
                ps.setObject(index, d);
            } else if (p instanceof BigDecimal d) {
                ps.setBigDecimal(index, d);
            } else {
                ps.setObject(index, p);
            }
        }
    }

    private static String arrayType(Collection<?> values) {
        Object first = values.stream().filter(v -> v != null).map(v -> (Object) v).findFirst().orElse("");
        if (first instanceof Long || first instanceof Integer) {
            return "bigint";
        }
        return "text";
    }

    public static Optional<LocalDate> date(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, LocalDate.class));
    }

    public static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
