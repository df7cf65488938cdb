package org.tradeflows.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.Statements;
import org.tradeflows.support.SyntheticData;

/** Repeated aggregates come from the answer cache, and any change to the data makes the next answer fresh. */
@QuarkusTest
class AnswerCacheTest {

    static final String QUERY = "{ flows(groupBy: [YEAR], filter: {sources: [\"synthetic-cache\"], includeSynthetic: true}) "
            + "{ edges { node { year shipmentCount } } } }";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Jdbc jdbc;

    @BeforeEach
    void data() {
        SyntheticData.load(dataSource, "cache", 31, 10, 300);
    }

    private static long total() {
        return total(QUERY);
    }

    private static long total(String query) {
        return GraphQL.data(query).getList("data.flows.edges.node.shipmentCount", Long.class).stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void aRepeatedAggregateOnlyChecksTheDataVersion() {
        total();
        double before = Statements.soFar();
        // another text of the same query: no kept answer of the whole request serves it, the aggregate's cached answer does
        total("# the same aggregate asked by another query text\n" + QUERY);
        // the request's read of the data version, one look-up of the source key named in the filter, and the
        // aggregate cache's read of the data version; no aggregate
        assertThat(Statements.soFar() - before).as("statements for a cached aggregate").isEqualTo(3.0);
    }

    @Test
    void aChangeToTheDataIsSeenAtOnce() {
        long before = total();
        jdbc.update("delete from shipment where source_record_ref = 'syn-0' and source_id = (select id from source where key = 'synthetic-cache')",
                List.of());
        long after = total();
        assertThat(after).isEqualTo(before - 1);
        assertThat(after).isEqualTo(jdbc.count("select count(*) from shipment s join source x on x.id = s.source_id "
                + "where x.key = 'synthetic-cache'", List.of()));
    }
}
