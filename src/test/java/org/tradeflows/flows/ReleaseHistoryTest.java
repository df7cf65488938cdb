package org.tradeflows.flows;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tradeflows.ingest.cli.PruneHistoryCommand;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.Uploads;

/**
 * Releases are kept, not overwritten: release A, then release B of the same source that revises one figure,
 * withdraws one and adds one. Every answer is compared with what plain SQL read from trade_volume at the time
 * (a snapshot taken right after each load), never with numbers written here.
 */
@QuarkusTest
class ReleaseHistoryTest {

    private static final String SOURCE = "test-asof-baci";
    private static final String FILE_A = """
            t,i,j,k,v,q
            2021,156,643,840710,100.000,1
            2021,156,643,850440,200.000,2
            2021,156,643,880730,300.000,3
            """;
    /** The same 840710, 850440 revised, 880730 withdrawn, 901380 added. */
    private static final String FILE_B = """
            t,i,j,k,v,q
            2021,156,643,840710,100.000,1
            2021,156,643,850440,250.000,2
            2021,156,643,901380,400.000,4
            """;
    private static final Map<String, Object> FILTER = Map.of("source", SOURCE);

    @Inject
    Jdbc jdbc;

    /** product code → "value|release id", as SQL reads the source's current rows now. */
    private Map<String, String> snapshot() {
        return jdbc.list("""
                select t.product_code, t.value::text || '|' || t.release_id from trade_volume t
                join source s on s.id = t.source_id where s.key = ?""", List.of(SOURCE),
                rs -> Map.entry(rs.getString(1), rs.getString(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    private static Map<String, String> asOf(String asOf) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("asOf", asOf);
        vars.put("filter", FILTER);
        vars.put("first", 100);
        JsonPath r = GraphQL.data(GraphQL.exampleQuery("trade-volumes-as-of"), vars);
        List<Map<String, Object>> nodes = r.getList("data.tradeVolumes.edges.node");
        assertThat(r.getLong("data.tradeVolumes.totalCount")).isEqualTo(nodes.size());
        Map<String, String> out = new TreeMap<>();
        for (Map<String, Object> n : nodes) {
            String value = new BigDecimal(String.valueOf(((Map<?, ?>) n.get("value")).get("amount"))).setScale(2).toPlainString();
            String releaseKey = String.valueOf(((Map<?, ?>) n.get("release")).get("key"));
            out.put(String.valueOf(((Map<?, ?>) n.get("product")).get("code")), value + "|" + releaseKey);
        }
        return out;
    }

    private Map<String, String> withKeys(Map<String, String> snapshot) {
        Map<String, String> out = new TreeMap<>();
        snapshot.forEach((code, v) -> {
            String[] parts = v.split("\\|");
            out.put(code, parts[0] + "|" + jdbc.one("select key from data_release where id = ?",
                    List.of(Long.parseLong(parts[1])), rs -> rs.getString(1)).orElseThrow());
        });
        return out;
    }

    private static BigDecimal sumUsd(JsonPath r) {
        return r.getList("data.tradeVolumeFlows.edges.node.valueUsd", BigDecimal.class).stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static JsonPath load(String file, boolean replace) {
        Map<String, Object> params = new LinkedHashMap<>(Uploads.source(SOURCE));
        params.put("replace", replace);
        JsonPath report = Uploads.upload("baci", file.getBytes(StandardCharsets.UTF_8), params, 200);
        assertThat(report.getString("status")).isEqualTo("LOADED");
        return report;
    }

    @Test
    void aRevisionKeepsTheOldFigureForAsOfAndReleaseDiffListsExactlyWhatChanged() {
        JsonPath a = load(FILE_A, false);
        String keyA = a.getString("releaseKey");
        long idA = a.getLong("releaseId");
        Map<String, String> stateA = snapshot();
        BigDecimal usdA = jdbc.one("select sum(value_usd) from trade_volume t join source s on s.id = t.source_id "
                + "where s.key = ?", List.of(SOURCE), rs -> rs.getBigDecimal(1)).orElseThrow();

        JsonPath b = load(FILE_B, true);
        assertThat(b.getLong("written.tradeVolumesUpdated")).isEqualTo(1);
        assertThat(b.getLong("written.tradeVolumesInserted")).isEqualTo(1);
        assertThat(b.getLong("written.tradeVolumesWithdrawn")).isEqualTo(1);
        String keyB = b.getString("releaseKey");
        long idB = b.getLong("releaseId");
        Map<String, String> stateB = snapshot();
        assertThat(stateB).isNotEqualTo(stateA);

        // asOf A by id and by key answers the figures as SQL read them after A; asOf B and the default the new ones
        assertThat(asOf(String.valueOf(idA))).isEqualTo(withKeys(stateA));
        assertThat(asOf(keyA)).isEqualTo(withKeys(stateA));
        assertThat(asOf(keyB)).isEqualTo(withKeys(stateB));
        assertThat(asOf(null)).isEqualTo(withKeys(stateB));

        // the aggregation reads the same state
        Map<String, Object> vars = new HashMap<>(Map.of("asOf", keyA, "filter", FILTER));
        assertThat(sumUsd(GraphQL.data(GraphQL.exampleQuery("trade-volumes-as-of"), vars))).isEqualByComparingTo(usdA);

        // asOf a date: the newest release published on or before that day (A, moved into the past here)
        jdbc.update("update data_release set released_at = '2025-01-15 12:00Z' where id = ?", List.of(idA));
        assertThat(asOf("2025-01-15")).isEqualTo(withKeys(stateA));
        assertThat(asOf("2025-06-01")).isEqualTo(withKeys(stateA));

        // coverage's official totals as of A: the exporter's total for the source is A's sum
        JsonPath cov = GraphQL.data("""
                query($asOf: String) { coverage(exporter: "CN", importer: "RU", yearFrom: 2021, yearTo: 2021,
                  asOf: $asOf) { official { figures { valueUsd source { key } } } } }""", Map.of("asOf", keyA));
        List<Map<String, Object>> figures = cov.getList("data.coverage.official.figures");
        assertThat(figures.stream().filter(f -> SOURCE.equals(((Map<?, ?>) f.get("source")).get("key")))
                .map(f -> new BigDecimal(String.valueOf(f.get("valueUsd")))).toList())
                .singleElement().satisfies(v -> assertThat(v).isEqualByComparingTo(usdA));

        // the export takes the same asOf
        String csv = given().queryParam("filter", "{\"source\":\"" + SOURCE + "\"}").queryParam("asOf", keyA)
                .when().get("/export/trade-volumes.csv").then().statusCode(200)
                .header("X-Tradeflows-Release", keyA).extract().asString();
        Map<String, String> exported = new TreeMap<>();
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            exported.put(cells[header.indexOf("product_code")], new BigDecimal(cells[header.indexOf("value")]).setScale(2)
                    .toPlainString() + "|" + cells[header.indexOf("release")]);
        }
        assertThat(exported).isEqualTo(withKeys(stateA));

        // releaseDiff(A, B): exactly the differences between the two SQL snapshots
        Map<String, String> expected = new TreeMap<>();
        stateA.forEach((code, v) -> {
            if (!stateB.containsKey(code)) {
                expected.put(code, "WITHDRAWN " + v + " -> null");
            } else if (!stateB.get(code).equals(v)) {
                expected.put(code, "REVISED " + v + " -> " + stateB.get(code));
            }
        });
        stateB.forEach((code, v) -> {
            if (!stateA.containsKey(code)) {
                expected.put(code, "ADDED null -> " + v);
            }
        });
        assertThat(expected).hasSize(3);
        Map<String, Object> diffVars = new HashMap<>(Map.of("from", keyA, "to", keyB, "filter", FILTER, "first", 2));
        JsonPath page1 = GraphQL.data(GraphQL.exampleQuery("release-diff"), diffVars);
        assertThat(page1.getLong("data.releaseDiff.totalCount")).isEqualTo(3);
        assertThat(page1.getBoolean("data.releaseDiff.pageInfo.hasNextPage")).isTrue();
        diffVars.put("after", page1.getString("data.releaseDiff.pageInfo.endCursor"));
        JsonPath page2 = GraphQL.data(GraphQL.exampleQuery("release-diff"), diffVars);
        assertThat(page2.getBoolean("data.releaseDiff.pageInfo.hasNextPage")).isFalse();
        Map<String, String> listed = new TreeMap<>();
        for (JsonPath page : List.of(page1, page2)) {
            for (Map<String, Object> n : page.<Map<String, Object>>getList("data.releaseDiff.edges.node")) {
                assertThat(((Map<?, ?>) n.get("source")).get("key")).isEqualTo(SOURCE);
                listed.put(String.valueOf(n.get("productCode")), n.get("change") + " " + side(n.get("before")) + " -> "
                        + side(n.get("after")));
            }
        }
        assertThat(listed).isEqualTo(expected);

        // the same changes as an export
        String diffCsv = given().queryParam("from", keyA).queryParam("to", keyB)
                .queryParam("filter", "{\"source\":\"" + SOURCE + "\"}")
                .when().get("/export/release-diff.csv").then().statusCode(200).extract().asString();
        List<String> diffLines = diffCsv.lines().toList();
        List<String> diffHeader = List.of(diffLines.get(0).split(",", -1));
        Map<String, String> exportedDiff = new TreeMap<>();
        for (String line : diffLines.subList(1, diffLines.size())) {
            String[] c = line.split(",", -1);
            exportedDiff.put(c[diffHeader.indexOf("product_code")], c[diffHeader.indexOf("change")] + " "
                    + csvSide(c[diffHeader.indexOf("old_value")], c[diffHeader.indexOf("old_release")]) + " -> "
                    + csvSide(c[diffHeader.indexOf("new_value")], c[diffHeader.indexOf("new_release")]));
        }
        assertThat(exportedDiff).isEqualTo(expected);

        // with the releases swapped, the same figures change the other way
        JsonPath back = GraphQL.data(GraphQL.exampleQuery("release-diff"),
                new HashMap<>(Map.of("from", keyB, "to", keyA, "filter", FILTER, "first", 10)));
        assertThat(back.getList("data.releaseDiff.edges.node.change", String.class))
                .containsExactlyInAnyOrder("ADDED", "REVISED", "WITHDRAWN");

        // pruning: a dry run counts, --keep 1 deletes every kept version, and asOf A then lacks what was pruned
        long kept = jdbc.count("select count(*) from trade_volume_history", List.of());
        assertThat(kept).isGreaterThanOrEqualTo(2);
        assertThat(PruneHistoryCommand.run("--keep", "2", "--dry-run")).isZero();
        assertThat(jdbc.count("select count(*) from trade_volume_history", List.of())).isEqualTo(kept);
        assertThat(PruneHistoryCommand.run("--before", "2025-01-01")).isZero();
        assertThat(jdbc.count("select count(*) from trade_volume_history", List.of())).isEqualTo(kept);
        assertThat(asOf(keyA)).isEqualTo(withKeys(stateA));
        assertThat(PruneHistoryCommand.run("--keep", "1")).isZero();
        assertThat(jdbc.count("select count(*) from trade_volume_history", List.of())).isZero();
        Map<String, String> stillA = new TreeMap<>(withKeys(stateA));
        stillA.keySet().retainAll(stateB.keySet().stream().filter(c -> stateB.get(c).equals(stateA.get(c))).toList());
        assertThat(asOf(keyA)).isEqualTo(stillA);
        assertThat(PruneHistoryCommand.run("--keep", "0")).isEqualTo(2);
    }

    private String csvSide(String value, String releaseKey) {
        if (value.isEmpty()) {
            return "null";
        }
        return new BigDecimal(value).setScale(2).toPlainString() + "|" + jdbc.one("select id from data_release where key = ?",
                List.of(releaseKey), rs -> rs.getLong(1)).orElseThrow();
    }

    private String side(Object figure) {
        if (figure == null) {
            return "null";
        }
        Map<?, ?> f = (Map<?, ?>) figure;
        String value = new BigDecimal(String.valueOf(((Map<?, ?>) f.get("value")).get("amount"))).setScale(2).toPlainString();
        long release = Long.parseLong(String.valueOf(jdbc.one("select id from data_release where key = ?",
                List.of(String.valueOf(((Map<?, ?>) f.get("release")).get("key"))), rs -> rs.getLong(1)).orElseThrow()));
        return value + "|" + release;
    }

    @Test
    void aDeleteOutsideAnyLoadIsKeptAsWithdrawnByTheNewestRelease() {
        Map<String, Object> first = new LinkedHashMap<>(Uploads.source("test-asof-raw"));
        JsonPath x = Uploads.upload("baci", "t,i,j,k,v,q\n2022,156,643,840710,7.000,1\n2022,156,643,850440,8.000,1\n"
                .getBytes(StandardCharsets.UTF_8), first, 200);
        JsonPath y = Uploads.upload("baci", "t,i,j,k,v,q\n2022,156,398,840710,9.000,1\n".getBytes(StandardCharsets.UTF_8),
                new LinkedHashMap<>(Uploads.source("test-asof-raw-other")), 200);
        String keyX = x.getString("releaseKey");
        List<String> before = jdbc.list("select t.product_code || '=' || t.value from trade_volume t join source s "
                + "on s.id = t.source_id where s.key = 'test-asof-raw' order by 1", List.of(), rs -> rs.getString(1));
        // as a hand-written statement or a tool would: no load, no release named for the transaction
        assertThat(jdbc.update("delete from trade_volume t using source s where s.id = t.source_id "
                + "and s.key = 'test-asof-raw' and t.product_code = '850440'", List.of())).isEqualTo(1);
        assertThat(jdbc.list("select superseded_by from trade_volume_history h join source s on s.id = h.source_id "
                + "where s.key = 'test-asof-raw' and h.change = 'WITHDRAWN'", List.of(), rs -> rs.getLong(1)))
                .containsExactly(y.getLong("releaseId"));
        String query = "query($a: String) { tradeVolumes(asOf: $a, filter: {source: \"test-asof-raw\"}) "
                + "{ edges { node { product { code } value { amount } } } } }";
        java.util.function.Function<String, List<String>> answer = a -> GraphQL.data(query, new HashMap<>(
                java.util.Collections.singletonMap("a", a))).<Map<String, Object>>getList("data.tradeVolumes.edges.node")
                .stream().map(n -> ((Map<?, ?>) n.get("product")).get("code") + "="
                        + new BigDecimal(String.valueOf(((Map<?, ?>) n.get("value")).get("amount"))).setScale(2).toPlainString())
                .sorted().toList();
        assertThat(answer.apply(keyX)).isEqualTo(before);
        assertThat(answer.apply(null)).hasSize(before.size() - 1);
    }

    @Test
    void anUnknownReleaseOrAMalformedDateIsABadUserInputThatSaysWhatIsAccepted() {
        for (String bad : List.of("no-such-release", "2025-02-30", "31/12/2024", "1999-01-01")) {
            JsonPath r = GraphQL.post("query($a: String) { tradeVolumes(asOf: $a) { totalCount } }", Map.of("a", bad));
            assertThat(r.getString("errors[0].extensions.code")).as(bad).isEqualTo("BAD_USER_INPUT");
            assertThat(r.getString("errors[0].message")).as(bad).contains("asOf").doesNotContain("Exception", "SQL");
        }
        assertThat(GraphQL.post("query { tradeVolumes(asOf: \"no-such-release\") { totalCount } }")
                .getString("errors[0].message")).contains("id, key or upstream version", "YYYY-MM-DD");
        assertThat(GraphQL.post("query { tradeVolumes(asOf: \"2025-02-30\") { totalCount } }")
                .getString("errors[0].message")).contains("not a date in the form YYYY-MM-DD");
        assertThat(GraphQL.post("query { releaseDiff(from: \"nope\") { totalCount } }")
                .getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        given().queryParam("asOf", "nope").when().get("/export/trade-volumes.csv").then().statusCode(400)
                .body("errors[0].extensions.code", org.hamcrest.Matchers.equalTo("BAD_USER_INPUT"));
        given().when().get("/export/release-diff.csv").then().statusCode(400)
                .body("errors[0].extensions.code", org.hamcrest.Matchers.equalTo("BAD_USER_INPUT"));
    }
}
