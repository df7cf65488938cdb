package org.tradeflows.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.GlobalId;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.SyntheticData;

/**
 * A complete pull through GraphQL while data is being loaded: between every page, new shipments land before and
 * after the cursor. Every shipment that existed when the pull started is seen exactly once; nothing repeats.
 */
@QuarkusTest
class PagingWhileLoadingTest {

    static final String BASE = "synthetic-paging-base";
    static final String LOADED = "synthetic-paging-loaded";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Jdbc jdbc;

    @BeforeEach
    void data() {
        SyntheticData.load(dataSource, "paging-base", 11, 20, 1200);
        jdbc.update("insert into source (key, kind, title, citation) values (?, 'SYNTHETIC', 'Loaded while paging', 'test') "
                + "on conflict (key) do nothing", List.of(LOADED));
        // labelled as the generator labels its releases: by its synthetic- source
        jdbc.update("insert into data_release (key, version, kind, synthetic, content_sha256, changelog, source_id) select ?, '1', "
                + "'SYNTHETIC', true, repeat('1', 64), 'paging test', id from source where key = ? on conflict (key) do nothing",
                List.of(LOADED, LOADED));
    }

    /** Copies some base shipments under the second source, spread over the whole date range. */
    private void loadMore(int batch) {
        jdbc.update("""
                insert into shipment (release_id, synthetic, source_id, source_record_ref, supplier_id, recipient_id,
                    supplier_country, recipient_country, period_start, period_end, hs_code, product_code, value, currency,
                    value_eur, value_usd, value_qualifier)
                select (select id from data_release where key = ?), true, (select id from source where key = ?),
                       'copy-' || ? || '-' || s.id, s.supplier_id, s.recipient_id, s.supplier_country, s.recipient_country,
                       date '2021-01-01' + ((s.id * 7919 + ?) %% 1460)::int, date '2021-01-01' + ((s.id * 7919 + ?) %% 1460)::int,
                       s.hs_code, s.product_code, s.value, s.currency, s.value_eur, s.value_usd, s.value_qualifier
                  from shipment s join source x on x.id = s.source_id
                 where x.key = ? order by s.id limit 40 offset ?
                on conflict do nothing""".replace("%%", "%"), List.of(LOADED, LOADED, batch, batch, batch, BASE, batch * 40));
    }

    @Test
    void aPullSeesEveryExistingShipmentOnceWhileRowsArrive() {
        Set<String> before = new HashSet<>(jdbc.list("""
                select s.id from shipment s join source x on x.id = s.source_id where x.key = ?""", List.of(BASE),
                rs -> GlobalId.of("Shipment", rs.getLong(1))));
        String query = """
                query($after: String) { shipments(filter: {sources: ["%s", "%s"], includeSynthetic: true}, first: 50, after: $after) {
                  edges { node { id } } pageInfo { hasNextPage endCursor } } }""".formatted(BASE, LOADED);
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Map<String, Object> vars = new HashMap<>();
            vars.put("after", after);
            JsonPath page = GraphQL.data(query, vars);
            seen.addAll(page.getList("data.shipments.edges.node.id", String.class));
            after = page.getBoolean("data.shipments.pageInfo.hasNextPage") ? page.getString("data.shipments.pageInfo.endCursor") : null;
            loadMore(pages++);
        } while (after != null && pages < 1000);
        assertThat(new HashSet<>(seen)).as("no shipment repeats").hasSize(seen.size());
        assertThat(seen).as("every shipment present at the start is seen").containsAll(before);
        assertThat(jdbc.count("select count(*) from shipment s join source x on x.id = s.source_id where x.key = ?",
                List.of(LOADED))).as("rows really were loaded during the pull").isGreaterThan(400);
    }
}
