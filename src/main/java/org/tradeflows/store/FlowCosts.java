package org.tradeflows.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tradeflows.query.FlowBase;
import org.tradeflows.query.FlowSql;
import org.tradeflows.sql.Sql;

/**
 * Chooses by cost between the shipments and a rollup that answers a flows query exactly ({@link FlowBase#choose}): a
 * rollup is not always cheaper (a month rollup of HS6 cells holds nearly as many rows as there are shipments, and the
 * shipments have an index for every filter of a page). PostgreSQL's planner estimates both statements (EXPLAIN, with
 * the request's values); the cheaper one is read. The choice is kept per statement text (the same filters and
 * grouping with other values) for {@link #KEPT}, so a stream of cold requests pays for the two estimates once, and a
 * growing table is estimated again.
 */
@ApplicationScoped
public class FlowCosts {

    static final Duration KEPT = Duration.ofMinutes(5);
    private static final Pattern TOTAL_COST = Pattern.compile("\"Total Cost\"\\s*:\\s*([0-9.eE+-]+)");

    private final Jdbc jdbc;
    private final Cache<String, FlowBase> choices = Caffeine.newBuilder().maximumSize(2_000).expireAfterWrite(KEPT).build();

    public FlowCosts(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The base to read: {@code eligible} (a rollup, or the shipments) or the shipments, whichever is estimated cheaper. */
    public FlowBase cheaper(FlowBase eligible, Function<FlowBase, FlowSql.Rendered> render) {
        if (eligible == FlowBase.SHIPMENTS) {
            return eligible;
        }
        Sql onRollup = render.apply(eligible).sql();
        return choices.get(eligible.name() + "\n" + onRollup.text(), key -> {
            Sql onShipments = render.apply(FlowBase.SHIPMENTS).sql();
            return estimate(onRollup) <= estimate(onShipments) ? eligible : FlowBase.SHIPMENTS;
        });
    }

    /** The planner's total cost of the statement with these values. */
    double estimate(Sql statement) {
        String plan = jdbc.one("explain (format json) " + statement.text(), statement.values(), rs -> rs.getString(1))
                .orElseThrow();
        Matcher m = TOTAL_COST.matcher(plan);
        if (!m.find()) {
            throw new IllegalStateException("EXPLAIN gave no total cost");
        }
        return Double.parseDouble(m.group(1));
    }
}
