package org.tradeflows.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeflows.model.GlobalId;
import org.tradeflows.support.DatabaseTestResource;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.Keys;
import org.tradeflows.support.Uploads;

/**
 * The three rollup tables stay equal to a fresh aggregate of the shipments, written here in plain SQL, through the
 * writes a curator makes (mergeCompanies and its undo, not only direct updates) and through TRUNCATE.
 */
@QuarkusTest
class RollupMaintenanceTest {

    private static final String MEASURES = """
            coalesce(sum(value_eur), 0), coalesce(sum(value_usd), 0), count(*), count(*) filter (where value_eur is null),
            count(*) filter (where value_usd is null), coalesce(sum(net_weight_kg), 0), count(net_weight_kg),
            min(period_start), max(period_end), count(*) filter (where value_qualifier = 'MORE_THAN'),
            count(*) filter (where value_qualifier = 'AT_LEAST'), count(*) filter (where value_qualifier = 'ESTIMATED'),
            count(*) filter (where value_qualifier = 'APPROXIMATE')""";
    private static final String ROLLUP_MEASURES = """
            value_eur, value_usd, shipments, without_eur, without_usd, net_weight, with_weight, first_date, last_date,
            more_than, at_least, estimated, approximate""";

    /** Per table: the rollup's rows of the sources, and the same grain summed afresh from shipment. */
    private static final Map<String, String[]> GRAINS = Map.of(
            "flow_rollup_month", new String[] {
                "select synthetic, source_id, supplier_country, recipient_country, hs, month, " + ROLLUP_MEASURES
                        + " from flow_rollup_month where source_id = any(?)",
                "select synthetic, source_id, supplier_country, recipient_country, left(hs_code, 6), "
                        + "date_trunc('month', period_start)::date, " + MEASURES
                        + " from shipment where source_id = any(?) group by 1, 2, 3, 4, 5, 6"},
            "flow_rollup_year", new String[] {
                "select synthetic, source_id, supplier_country, recipient_country, hs, year, " + ROLLUP_MEASURES
                        + " from flow_rollup_year where source_id = any(?)",
                "select synthetic, source_id, supplier_country, recipient_country, left(hs_code, 4), "
                        + "extract(year from period_start)::int, " + MEASURES
                        + " from shipment where source_id = any(?) group by 1, 2, 3, 4, 5, 6"},
            "company_rollup_year", new String[] {
                "select synthetic, source_id, company_id, role, year, " + ROLLUP_MEASURES
                        + " from company_rollup_year where source_id = any(?) order by company_id, role, year",
                // each shipment counts once for its supplier and once for its recipient, once as 'B' when they are one
                """
                select synthetic, source_id, company_id, role, extract(year from period_start)::int, %s
                from (select s.*, s.supplier_id as company_id, case when s.supplier_id = s.recipient_id then 'B' else 'S' end as role
                        from shipment s where s.supplier_id is not null
                      union all
                      select s.*, s.recipient_id, 'R' from shipment s
                       where s.recipient_id is not null and s.recipient_id is distinct from s.supplier_id) x
                where source_id = any(?) group by 1, 2, 3, 4, 5""".formatted(MEASURES)});

    @Inject
    Jdbc jdbc;

    private static List<String> rows(Connection c, String sql, Long[] sources) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("bigint", sources));
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        row.append(v instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v))
                                .append('|');
                    }
                    out.add(row.toString());
                }
            }
        }
        return out;
    }

    /** Every rollup table holds exactly the fresh aggregate of the sources' shipments, seen on this connection. */
    private static void assertRollupsFresh(Connection c, String when, long... sources) throws SQLException {
        Long[] ids = java.util.Arrays.stream(sources).boxed().toArray(Long[]::new);
        for (var grain : GRAINS.entrySet()) {
            List<String> fresh = rows(c, grain.getValue()[1], ids);
            assertThat(rows(c, grain.getValue()[0], ids)).as("%s %s", grain.getKey(), when).containsExactlyInAnyOrderElementsOf(fresh);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(DatabaseTestResource.URL, "postgres", null);
    }

    /** Two suppliers that a curator will find to be one company (the second also ships to the first), and a bystander. */
    private static byte[] file(String tag) {
        StringBuilder csv = new StringBuilder("source_ref,supplier_name,supplier_country,recipient_name,recipient_country,"
                + "date,hs_code,value,currency,value_qualifier,net_weight_kg\n");
        String[] suppliers = {"Rollupmerge Keeper Machinery " + tag, "Rollupmerge Absorbed Instruments " + tag};
        String[] hs = {"84571010", "854231", "90138000", "8471"};
        String[] qualifiers = {"EXACT", "AT_LEAST", "ESTIMATED", ""};
        for (int i = 0; i < 48; i++) {
            String supplier = suppliers[i % 2];
            boolean toKeeper = i % 5 == 4 && i % 2 == 1;
            csv.append("RM-").append(tag).append('-').append(i).append(',').append(supplier).append(",CN,")
                    .append(toKeeper ? suppliers[0] + ",CN," : "Rollupmerge Buyer " + (i % 3) + " " + tag + ",RU,")
                    .append(2022 + i % 2).append('-').append(String.format("%02d", 1 + i % 12)).append("-1").append(i % 9)
                    .append(',').append(hs[i % 4]).append(',').append(1000 + 37 * i).append(".50,")
                    .append(i % 3 == 0 ? "USD" : "EUR").append(',').append(qualifiers[i % 4]).append(',')
                    .append(i % 4 == 0 ? "" : String.valueOf(10 + i)).append('\n');
        }
        // a bystander ships to the same buyers: their rollup rows, touched by the merge, must keep its shipments too
        for (int i = 0; i < 9; i++) {
            csv.append("RM-").append(tag).append("-b").append(i).append(",Rollupmerge Bystander Optics ").append(tag).append(",CN,")
                    .append("Rollupmerge Buyer ").append(i % 3).append(' ').append(tag).append(",RU,").append(2022 + i % 2)
                    .append("-0").append(1 + i % 9).append("-20,90138000,").append(500 + i).append(".00,EUR,EXACT,5\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private long company(String name) {
        return jdbc.one("select id from company where name = ?", List.of(name), rs -> rs.getLong(1)).orElseThrow();
    }

    @Test
    void mergeAndUndoKeepEveryRollupEqualToTheShipments() throws Exception {
        String tag = String.valueOf(System.nanoTime());
        String key = "test-rollup-merge-" + tag;
        Uploads.upload("shipments", file(tag), Uploads.source(key), 200);
        long source = jdbc.one("select id from source where key = ?", List.of(key), rs -> rs.getLong(1)).orElseThrow();
        long keeper = company("Rollupmerge Keeper Machinery " + tag);
        long absorbed = company("Rollupmerge Absorbed Instruments " + tag);
        assertThat(jdbc.count("select count(*) from shipment where source_id = ? and supplier_id = ? and recipient_id = ?",
                List.of(source, absorbed, keeper))).as("shipments that become a company's to itself").isPositive();
        try (Connection c = connect()) {
            assertRollupsFresh(c, "after the load", source);
            String before = String.join("\n", rows(c, GRAINS.get("company_rollup_year")[0], new Long[] {source}));

            String curator = Keys.create("CURATOR", "rollup merge");
            String entry = GraphQL.dataAs(curator, "mutation($i: MergeInput!) { mergeCompanies(input: $i) { auditEntryId } }",
                    Map.of("i", Map.of("survivorId", GlobalId.of("Company", keeper), "mergedId", GlobalId.of("Company", absorbed))))
                    .getString("data.mergeCompanies.auditEntryId");
            assertThat(jdbc.count("select count(*) from shipment where source_id = ? and supplier_id = ?", List.of(source, absorbed)))
                    .isZero();
            assertThat(jdbc.count("select count(*) from company_rollup_year where source_id = ? and company_id = ? and role = 'B'",
                    List.of(source, keeper))).as("the keeper now ships to itself").isPositive();
            assertRollupsFresh(c, "after the merge", source);

            GraphQL.dataAs(curator, "mutation($e: ID!) { undoMerge(auditEntryId: $e) { id } }", Map.of("e", entry));
            assertRollupsFresh(c, "after the undo", source);
            assertThat(String.join("\n", rows(c, GRAINS.get("company_rollup_year")[0], new Long[] {source})))
                    .as("the company rollup as before the merge").isEqualTo(before);
        }
    }

    @Test
    void truncatingTheShipmentsEmptiesTheRollups() throws Exception {
        String tag = String.valueOf(System.nanoTime());
        String key = "test-rollup-truncate-" + tag;
        Uploads.upload("shipments", file(tag), Uploads.source(key), 200);
        long source = jdbc.one("select id from source where key = ?", List.of(key), rs -> rs.getLong(1)).orElseThrow();
        // in a transaction rolled back at the end: the other classes' shipments (and the open dataset) stay
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("set local lock_timeout = '20s'");
                st.execute("truncate shipment cascade");
            }
            assertRollupsFresh(c, "after TRUNCATE", source);
            for (String table : GRAINS.keySet()) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("%s rows after TRUNCATE of every shipment", table).isZero();
                }
            }
            c.rollback();
        }
        try (Connection c = connect()) {
            assertRollupsFresh(c, "after the TRUNCATE was rolled back", source);
        }
    }
}
