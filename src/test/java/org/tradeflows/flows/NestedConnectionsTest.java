package org.tradeflows.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.GlobalId;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.SyntheticData;

/**
 * Issue 21, item 1: a company's shipments, flows and counterparties are connections paged with first/after like every
 * other list; walking the pages of one company yields exactly its rows, compared with independent SQL.
 */
@QuarkusTest
class NestedConnectionsTest {

    private static final String F = "{sources: [\"synthetic-nested\"], includeSynthetic: true}";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Jdbc jdbc;

    private long company;

    @BeforeEach
    void data() {
        SyntheticData.load(dataSource, "nested", 7, 12, 600);
        company = jdbc.list("select c.id from company c join shipment s on s.supplier_id = c.id or s.recipient_id = c.id "
                + "where c.key like 'syn-nested-%' group by c.id order by count(*) desc, c.id limit 1", List.of(),
                rs -> rs.getLong(1)).get(0);
    }

    /** The company's field, read through companies(search) since generated companies are found only when asked for. */
    private Answer page(String field, String after) {
        String name = jdbc.list("select name from company where id = ?", List.of(company), rs -> rs.getString(1)).get(0);
        String query = "query($name: String!, $after: String) { companies(filter: {search: $name, includeSynthetic: true}, "
                + "first: 100) { edges { node { name " + field.replace("AFTER", "after: $after") + " } } } }";
        Map<String, Object> vars = new java.util.HashMap<>();
        vars.put("name", name);
        vars.put("after", after);
        JsonPath p = GraphQL.data(query, vars);
        List<String> names = p.getList("data.companies.edges.node.name", String.class);
        int i = names.indexOf(name);
        assertThat(i).isNotNegative();
        return new Answer(p, "data.companies.edges[" + i + "].node.");
    }

    /** An answer and the path of the company in it. */
    private record Answer(JsonPath json, String at) {
        long getLong(String path) {
            return json.getLong(at + path);
        }

        boolean getBoolean(String path) {
            return json.getBoolean(at + path);
        }

        String getString(String path) {
            return json.getString(at + path);
        }

        <T> List<T> getList(String path, Class<T> type) {
            return json.getList(at + path, type);
        }

        List<Object> getList(String path) {
            return json.getList(at + path);
        }
    }

    @Test
    void aCompanysShipmentsArePagedByDateWithCursors() {
        List<Long> expected = jdbc.list("select s.id from shipment s where s.supplier_id = ? or s.recipient_id = ? "
                + "order by s.period_start, s.id", List.of(company, company), rs -> rs.getLong(1));
        assertThat(expected.size()).isGreaterThan(7);
        List<Long> seen = new ArrayList<>();
        String after = null;
        long total = -1;
        for (int i = 0; i < 1000; i++) {
            Answer p = page("shipments(filter: " + F + ", first: 7, AFTER) "
                    + "{ totalCount pageInfo { hasNextPage endCursor } edges { node { id } } }", after);
            total = p.getLong("shipments.totalCount");
            p.getList("shipments.edges.node.id", String.class)
                    .forEach(id -> seen.add(Long.parseLong(GlobalId.parse(id).key())));
            if (!p.getBoolean("shipments.pageInfo.hasNextPage")) {
                break;
            }
            after = p.getString("shipments.pageInfo.endCursor");
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(total).isEqualTo(expected.size());
    }

    @Test
    void aCompanysFlowGroupsAndCounterpartiesArePagedToTheirTotals() {
        // codes shorter than six digits form one group without an HS6
        long hs6 = jdbc.count("select count(*) from (select distinct s.hs6 from shipment s "
                + "where s.supplier_id = ? or s.recipient_id = ?) x", List.of(company, company));
        long counterparties = jdbc.count("select count(*) from (select distinct case when s.supplier_id = ? then s.recipient_id "
                + "else s.supplier_id end, s.supplier_id = ? from shipment s where (s.supplier_id = ? or s.recipient_id = ?)) x",
                List.of(company, company, company, company));
        for (String[] f : List.of(new String[] {"flows(groupBy: [HS6], filter: " + F + ", first: 3, AFTER) "
                + "{ totalCount pageInfo { hasNextPage endCursor } edges { node { hs6 { code } } } }", "flows", String.valueOf(hs6)},
                new String[] {"counterparties(filter: " + F + ", first: 3, AFTER) "
                + "{ totalCount pageInfo { hasNextPage endCursor } edges { node { role company { id } } } }", "counterparties",
                String.valueOf(counterparties)})) {
            List<Object> items = new ArrayList<>();
            String after = null;
            for (int i = 0; i < 1000; i++) {
                Answer p = page(f[0], after);
                items.addAll(p.getList(f[1] + ".edges.node"));
                assertThat(p.getLong(f[1] + ".totalCount")).as(f[1]).isEqualTo(Long.parseLong(f[2]));
                if (!p.getBoolean(f[1] + ".pageInfo.hasNextPage")) {
                    break;
                }
                after = p.getString(f[1] + ".pageInfo.endCursor");
            }
            assertThat(items).as(f[1]).hasSize(Integer.parseInt(f[2])).doesNotHaveDuplicates();
        }
    }
}
