package org.tradeflows.flows;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tradeflows.api.engine.PersistedQueries;
import org.tradeflows.ingest.cli.PruneHistoryCommand;
import org.tradeflows.model.GlobalId;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.Uploads;

/**
 * asOf for company-level data (V32): shipments and sanctions read as they stood at an earlier release or date. Every
 * expected answer is what plain SQL read from the tables right after each step (a snapshot), never a number written
 * here. Each run uses sources, references and entities of its own, so the test database can be reused.
 */
@QuarkusTest
class CompanyDataAsOfTest {

    private static final String RUN = Long.toString(System.nanoTime(), 36);

    @Inject
    Jdbc jdbc;

    // --- shipments ---

    private static final String SHIPMENTS = """
            query($filter: FlowFilter, $asOf: String) {
              shipments(filter: $filter, asOf: $asOf, first: 100) {
                totalCount edges { node { sourceRecordRef valueEur release { key } } } }
              flows(filter: $filter, asOf: $asOf) { servedFrom edges { node { valueEur shipmentCount } } } }""";

    /** source_record_ref → "value_eur|release key", as SQL reads the source's current shipments now. */
    private Map<String, String> shipmentSnapshot(String source) {
        return jdbc.list("""
                select s.source_record_ref, s.value_eur::text || '|' || r.key from shipment s
                join source x on x.id = s.source_id join data_release r on r.id = s.release_id where x.key = ?""",
                List.of(source), rs -> Map.entry(rs.getString(1), rs.getString(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    private static BigDecimal sum(Map<String, String> snapshot) {
        return snapshot.values().stream().map(v -> new BigDecimal(v.split("\\|")[0])).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static JsonPath shipmentsAsOf(String source, String asOf) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("filter", Map.of("sources", List.of(source)));
        vars.put("asOf", asOf);
        return GraphQL.data(SHIPMENTS, vars);
    }

    private static Map<String, String> listed(JsonPath r) {
        List<Map<String, Object>> nodes = r.getList("data.shipments.edges.node");
        assertThat(r.getLong("data.shipments.totalCount")).isEqualTo(nodes.size());
        Map<String, String> out = new TreeMap<>();
        for (Map<String, Object> n : nodes) {
            out.put(String.valueOf(n.get("sourceRecordRef")), new BigDecimal(String.valueOf(n.get("valueEur"))).setScale(2)
                    .toPlainString() + "|" + ((Map<?, ?>) n.get("release")).get("key"));
        }
        return out;
    }

    private static BigDecimal flowTotal(JsonPath r) {
        return new BigDecimal(String.valueOf(r.getList("data.flows.edges.node.valueEur").get(0)));
    }

    private JsonPath loadShipments(String source, String rows) {
        String file = "source_ref,supplier_name,supplier_country,recipient_name,recipient_country,date,hs_code,value,currency\n"
                + rows;
        JsonPath report = Uploads.upload("shipments", file.getBytes(StandardCharsets.UTF_8), Uploads.source(source), 200);
        assertThat(report.getString("status")).isEqualTo("LOADED");
        return report;
    }

    @Test
    void aShipmentRevisedOrWithdrawnByALaterReleaseAnswersAsItStoodThen() throws Exception {
        String source = "test-asof-ship-" + RUN;
        String supplier = "Fictional AsOf Supplier " + RUN;
        JsonPath a = loadShipments(source, """
                R1-%1$s,%2$s,CN,Fictional AsOf Recipient,RU,2023-02-01,84071000,1000,EUR
                R2-%1$s,%2$s,CN,Fictional AsOf Recipient,RU,2023-03-01,84071000,500,EUR
                """.formatted(RUN, supplier));
        String keyA = a.getString("releaseKey");
        long idA = a.getLong("releaseId");
        Map<String, String> stateA = shipmentSnapshot(source);
        assertThat(stateA).hasSize(2);

        // release B adds a shipment; the shipment loader keeps those it has (README "Each file once"), so the revision
        // and the withdrawal that release B brings are written as a revising load writes them: naming release B
        JsonPath b = loadShipments(source, "R3-%1$s,%2$s,CN,Fictional AsOf Recipient,RU,2023-04-01,84071000,700,EUR\n"
                .formatted(RUN, supplier));
        long idB = b.getLong("releaseId");
        String keyB = b.getString("releaseKey");
        jdbc.update("""
                update shipment set value = 1500, value_eur = 1500, value_usd = null, release_id = ?
                 where source_record_ref = ? and source_id = (select id from source where key = ?)""",
                List.of(idB, "R1-" + RUN, source));
        jdbc.update("""
                delete from shipment where source_record_ref = ? and source_id = (select id from source where key = ?)
                   and (select set_config('tradeflows.release_id', ?, true)) is not null""",
                List.of("R2-" + RUN, source, Long.toString(idB)));
        Map<String, String> stateB = shipmentSnapshot(source);
        assertThat(stateB).isNotEqualTo(stateA).containsOnlyKeys("R1-" + RUN, "R3-" + RUN);

        // the shipments and their flows as of A (by key and by id) are A's; as of B and by default, B's
        for (String asOf : List.of(keyA, Long.toString(idA))) {
            JsonPath r = shipmentsAsOf(source, asOf);
            assertThat(listed(r)).isEqualTo(stateA);
            assertThat(r.getString("data.flows.servedFrom")).isEqualTo("SHIPMENTS");
            assertThat(flowTotal(r)).isEqualByComparingTo(sum(stateA));
        }
        for (String asOf : new String[] {keyB, null}) {
            JsonPath r = shipmentsAsOf(source, asOf);
            assertThat(listed(r)).isEqualTo(stateB);
            assertThat(flowTotal(r)).isEqualByComparingTo(sum(stateB));
        }

        // the supplier's shipments connection takes the same asOf
        long supplierId = jdbc.one("""
                select distinct supplier_id from shipment s join source x on x.id = s.source_id where x.key = ?""",
                List.of(source), rs -> rs.getLong(1)).orElseThrow();
        String companyQuery = """
                query($id: ID!, $filter: FlowFilter, $asOf: String) { company(id: $id) {
                  shipments(filter: $filter, asOf: $asOf, first: 100) { totalCount edges { node { sourceRecordRef valueEur } } } } }""";
        Map<String, Object> vars = new HashMap<>();
        vars.put("id", GlobalId.of("Company", supplierId));
        vars.put("filter", Map.of("sources", List.of(source)));
        vars.put("asOf", keyA);
        JsonPath ofA = GraphQL.data(companyQuery, vars);
        Map<String, String> companyA = new TreeMap<>();
        for (Map<String, Object> n : ofA.<Map<String, Object>>getList("data.company.shipments.edges.node")) {
            companyA.put(String.valueOf(n.get("sourceRecordRef")), new BigDecimal(String.valueOf(n.get("valueEur")))
                    .setScale(2).toPlainString());
        }
        assertThat(ofA.getLong("data.company.shipments.totalCount")).isEqualTo(stateA.size());
        assertThat(companyA).isEqualTo(stateA.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().split("\\|")[0], (x, y) -> x, TreeMap::new)));

        // a date between the releases: A moved into the past, B published now
        jdbc.update("update data_release set released_at = '2018-01-15 12:00Z' where id = ?", List.of(idA));
        assertThat(listed(shipmentsAsOf(source, "2018-06-01"))).isEqualTo(stateA);
        assertThat(listed(shipmentsAsOf(source, "2018-01-15"))).isEqualTo(stateA);

        // the explorer's shipment panels declare $asOf: the Sankey's permalink pinned to A answers A's shipments, for good
        String variables = "{\"filter\":{\"sources\":[\"" + source + "\"]},\"first\":40}";
        Response pinned = given().queryParam("asOf", keyA).queryParam("variables", variables).accept("application/json")
                .when().get("/q/" + PersistedQueries.sha256(Files.readString(Path.of("graphql", "explorer",
                        "sankey-countries.graphql"))));
        assertThat(pinned.statusCode()).isEqualTo(200);
        assertThat(pinned.header("Cache-Control")).contains("immutable");
        JsonPath sankey = pinned.jsonPath();
        assertThat(sankey.getBoolean("extensions.cite.pinned")).isTrue();
        assertThat(new BigDecimal(String.valueOf(sankey.getList("data.flows.edges.node.valueEur").get(0))))
                .isEqualByComparingTo(sum(stateA));
        assertThat(sankey.getLong("data.flows.total.shipmentCount")).isEqualTo(stateA.size());

        // prune-history prunes the shipments' history too: a dry run deletes nothing; keeping only the newest
        // release deletes B's revision and withdrawal, and asOf A then no longer shows the versions deleted
        long kept = jdbc.count("select count(*) from shipment_history where superseded_by = ?", List.of(idB));
        assertThat(kept).isEqualTo(2);
        assertThat(PruneHistoryCommand.run("--keep", "1", "--dry-run")).isZero();
        assertThat(jdbc.count("select count(*) from shipment_history where superseded_by = ?", List.of(idB))).isEqualTo(kept);
        assertThat(PruneHistoryCommand.run("--keep", "1")).isZero();
        assertThat(jdbc.count("select count(*) from shipment_history where superseded_by = ?", List.of(idB))).isZero();
        assertThat(listed(shipmentsAsOf(source, keyA))).isEmpty();
    }

    // --- sanctions ---

    private static final String SANCTIONS_HEADER = "\"id\",\"schema\",\"name\",\"countries\",\"identifiers\",\"sanctions\","
            + "\"dataset\"\n";

    private JsonPath loadSanctions(String source, String sanctionCell) {
        String file = SANCTIONS_HEADER + "\"NK-asof-%1$s\",\"Company\",\"Fictional AsOf Listed %1$s JSC\",\"ru\",\"\",\"%2$s\",\"EU Financial Sanctions Files (FSF)\"\n"
                .formatted(RUN, sanctionCell);
        JsonPath report = Uploads.upload("opensanctions-csv", file.getBytes(StandardCharsets.UTF_8),
                Uploads.source(source), 200);
        assertThat(report.getString("status")).isEqualTo("LOADED");
        return report;
    }

    /** "authority|listed|ended" of the company's listings, as SQL reads them now. */
    private List<String> sanctionSnapshot(long companyId) {
        return jdbc.list("""
                select authority || '|' || coalesce(listed_on::text, '-') || '|' || coalesce(ended_on::text, '-')
                  from sanction where company_id = ? order by 1""", List.of(companyId), rs -> rs.getString(1));
    }

    private static final String COMPANY_SANCTIONS = """
            query($id: ID!, $asOf: String, $on: Date) { company(id: $id) {
              sanctions(asOf: $asOf) { authority listedOn endedOn } sanctioned(on: $on, asOf: $asOf) } }""";

    private static JsonPath companySanctions(long companyId, String asOf, String on) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("id", GlobalId.of("Company", companyId));
        vars.put("asOf", asOf);
        vars.put("on", on);
        return GraphQL.data(COMPANY_SANCTIONS, vars);
    }

    private static List<String> listings(JsonPath r) {
        return r.<Map<String, Object>>getList("data.company.sanctions").stream()
                .map(s -> s.get("authority") + "|" + (s.get("listedOn") == null ? "-" : s.get("listedOn")) + "|"
                        + (s.get("endedOn") == null ? "-" : s.get("endedOn")))
                .sorted().toList();
    }

    private static long inForce(long companyId, String asOf, String on) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("asOf", asOf);
        vars.put("filter", Map.of("inForceOn", on, "companyCountries", List.of("RU")));
        JsonPath r = GraphQL.data("""
                query($asOf: String, $filter: SanctionFilter) { sanctions(filter: $filter, asOf: $asOf, first: 100) {
                  totalCount edges { node { company { id } } } } }""", vars);
        return r.getList("data.sanctions.edges.node.company.id").stream()
                .filter(id -> id.equals(GlobalId.of("Company", companyId))).count();
    }

    @Test
    void aWithdrawnSanctionIsInForceAsOfADateBeforeTheWithdrawalAndNotAfter() {
        String source = "test-asof-os-" + RUN;
        JsonPath a = loadSanctions(source, "Council Regulation (EU) 269/2014 - 2019-02-23");
        long idA = a.getLong("releaseId");
        String keyA = a.getString("releaseKey");
        long company = jdbc.one("select company_id from company_identifier where scheme = 'OPENSANCTIONS' and value = ?",
                List.of("NK-asof-" + RUN), rs -> rs.getLong(1)).orElseThrow();
        List<String> stateA = sanctionSnapshot(company);
        assertThat(stateA).hasSize(1).allMatch(s -> s.endsWith("|-"));

        // the next edition of the list ends the listing: the loader's upsert revises it under release B
        JsonPath b = loadSanctions(source, "Council Regulation (EU) 269/2014 - 2019-02-23 - 2019-03-01");
        long idB = b.getLong("releaseId");
        List<String> stateB = sanctionSnapshot(company);
        assertThat(stateB).hasSize(1).isNotEqualTo(stateA);

        // as the list stood at A it had no end; by default (B) it ended
        assertThat(listings(companySanctions(company, keyA, null))).isEqualTo(stateA);
        assertThat(listings(companySanctions(company, null, null))).isEqualTo(stateB);
        assertThat(listings(companySanctions(company, b.getString("releaseKey"), null))).isEqualTo(stateB);

        // dates: A published 2019-01-15, B (the withdrawal) 2019-04-01 — before B the listing is in force, after not
        jdbc.update("update data_release set released_at = '2019-01-15 12:00Z' where id = ?", List.of(idA));
        jdbc.update("update data_release set released_at = '2019-04-01 12:00Z' where id = ?", List.of(idB));
        String before = "2019-03-15";
        String after = "2019-04-15";
        boolean sqlInForceBefore = jdbc.one("select sanction_in_force(true, ?::date, null, ?::date)",
                List.of("2019-02-23", before), rs -> rs.getBoolean(1)).orElseThrow();
        assertThat(sqlInForceBefore).isTrue();
        assertThat(companySanctions(company, before, before).getBoolean("data.company.sanctioned")).isTrue();
        assertThat(inForce(company, before, before)).isEqualTo(1);
        assertThat(companySanctions(company, after, after).getBoolean("data.company.sanctioned")).isFalse();
        assertThat(inForce(company, after, after)).isZero();
        assertThat(inForce(company, null, before)).isZero();
    }

    // --- errors ---

    @Test
    void anAsOfNamingNoReleaseIsAnErrorInWords() {
        for (String query : List.of("{ shipments(asOf: \"no-such-release-" + RUN + "\") { totalCount } }",
                "{ flows(asOf: \"no-such-release-" + RUN + "\") { totalCount } }",
                "{ sanctions(asOf: \"no-such-release-" + RUN + "\") { totalCount } }")) {
            JsonPath r = GraphQL.post(query);
            assertThat(r.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
            assertThat(r.getString("errors[0].message")).startsWith("asOf: 'no-such-release-" + RUN + "' names no data release");
        }
        JsonPath date = GraphQL.post("{ shipments(asOf: \"1900-01-01\") { totalCount } }");
        assertThat(date.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(date.getString("errors[0].message")).contains("no data release was published on or before 1900-01-01");
    }
}
