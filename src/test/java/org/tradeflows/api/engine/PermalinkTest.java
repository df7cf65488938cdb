package org.tradeflows.api.engine;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.BaciRevision;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.Keys;

/**
 * Permalinks of persisted queries (/q/{sha256}): a link pinned to a release keeps answering that release's figures after
 * a newer release revises them, says how to cite the answer, and leaves Quarkus's own /q paths alone. Expected figures
 * are read by SQL from trade_volume right after each load, never written here.
 */
@QuarkusTest
class PermalinkTest {

    private static final String SOURCE = "test-permalink-baci";

    @Inject
    Jdbc jdbc;

    /** product code → value, as SQL reads the source's current rows now. */
    private Map<String, BigDecimal> snapshot() {
        Map<String, BigDecimal> out = new TreeMap<>();
        jdbc.list("select t.product_code, t.value from trade_volume t join source s on s.id = t.source_id where s.key = ?",
                List.of(SOURCE), rs -> Map.entry(rs.getString(1), rs.getBigDecimal(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue().setScale(2)));
        return out;
    }

    private static Map<String, BigDecimal> figures(JsonPath answer) {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (Map<String, Object> n : answer.<Map<String, Object>>getList("data.tradeVolumes.edges.node")) {
            out.put(String.valueOf(((Map<?, ?>) n.get("product")).get("code")),
                    new BigDecimal(String.valueOf(((Map<?, ?>) n.get("value")).get("amount"))).setScale(2));
        }
        return out;
    }

    /** The path and query of a permalink URL, to GET it from the test's own server. */
    private static Response get(String permalink, String accept) {
        URI uri = URI.create(permalink);
        return given().urlEncodingEnabled(false).accept(accept).when().get(uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    @Test
    void aLinkPinnedToAReleaseAnswersItsFigureAfterANewerReleaseRevisesIt() throws Exception {
        String hash = PersistedQueriesTest.sha256(GraphQL.exampleQuery("trade-volumes-as-of")); // registered at start
        String variables = "{\"filter\":{\"source\":\"" + SOURCE + "\"},\"first\":50}";

        JsonPath a = BaciRevision.load(SOURCE, BaciRevision.FIRST);
        String keyA = a.getString("releaseKey");
        Map<String, BigDecimal> stateA = snapshot();
        Response first = given().accept("application/json").queryParam("asOf", keyA).queryParam("variables", variables)
                .when().get("/q/" + hash);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.header("Cache-Control")).contains("public").contains("immutable");
        JsonPath firstAnswer = first.jsonPath().using(GraphQL.EXACT_NUMBERS);
        assertThat(figures(firstAnswer)).isEqualTo(stateA).isNotEmpty();
        String permalink = firstAnswer.getString("extensions.cite.permalink");
        assertThat(permalink).contains("/q/" + hash + "?asOf=" + keyA).contains("variables=");

        JsonPath b = BaciRevision.load(SOURCE, BaciRevision.REVISED);
        String keyB = b.getString("releaseKey");
        Map<String, BigDecimal> stateB = snapshot();
        assertThat(stateB).isNotEqualTo(stateA);

        // the permalink as cited still answers release A's figures; asOf B and the latest answer B's
        JsonPath again = get(permalink, "application/json").then().statusCode(200).extract().jsonPath().using(GraphQL.EXACT_NUMBERS);
        assertThat(figures(again)).isEqualTo(stateA);
        assertThat(again.getString("extensions.cite.release.key")).isEqualTo(keyA);
        assertThat(again.getBoolean("extensions.cite.pinned")).isTrue();
        assertThat(again.getString("extensions.cite.permalink")).isEqualTo(permalink);
        JsonPath atB = given().queryParam("asOf", keyB).queryParam("variables", variables).when().get("/q/" + hash)
                .then().statusCode(200).extract().jsonPath().using(GraphQL.EXACT_NUMBERS);
        assertThat(figures(atB)).isEqualTo(stateB);
        Response latest = given().queryParam("variables", variables).when().get("/q/" + hash);
        assertThat(latest.header("Cache-Control")).doesNotContain("immutable");
        JsonPath latestAnswer = latest.jsonPath().using(GraphQL.EXACT_NUMBERS);
        assertThat(figures(latestAnswer)).isEqualTo(stateB);
        // the latest answer cites the newest release by a link that names it, so the citation stays true
        String newest = jdbc.one("select key from data_release order by id desc limit 1", List.of(), rs -> rs.getString(1)).orElseThrow();
        assertThat(latestAnswer.getString("extensions.cite.permalink")).contains("asOf=" + newest);

        // the citation names the source of every release in the answer, with the citation the database holds for it
        String citation = jdbc.one("select citation from source where key = ?", List.of(SOURCE), rs -> rs.getString(1)).orElseThrow();
        List<Map<String, Object>> sources = again.getList("extensions.cite.sources");
        assertThat(sources).anySatisfy(s -> {
            assertThat(s.get("key")).isEqualTo(SOURCE);
            assertThat(s.get("citation")).isEqualTo(citation);
        });
        assertThat(again.getString("extensions.cite.title")).isEqualTo("trade-volumes-as-of");
        assertThat(again.getString("extensions.cite.retrieved")).matches("\\d{4}-\\d{2}-\\d{2}");

        // the same citation by content negotiation
        String text = get(permalink, "text/plain").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/plain"))
                .extract().asString();
        assertThat(text).contains("trade-volumes-as-of").contains(permalink).contains(keyA).contains(citation);
        Response bib = get(permalink, "application/x-bibtex");
        assertThat(bib.statusCode()).isEqualTo(200);
        assertThat(bib.contentType()).startsWith("application/x-bibtex");
        assertThat(bib.header("Cache-Control")).contains("immutable");
        assertThat(bib.asString()).startsWith("@misc{").contains("url = {" + permalink + "}").contains("version = {" + keyA + "}")
                .contains("@misc{source-" + SOURCE);
        Response csl = get(permalink, "application/vnd.citationstyles.csl+json");
        assertThat(csl.contentType()).startsWith("application/vnd.citationstyles.csl+json");
        JsonPath items = csl.jsonPath();
        assertThat(items.getString("[0].type")).isEqualTo("dataset");
        assertThat(items.getString("[0].URL")).isEqualTo(permalink);
        assertThat(items.getString("[0].version")).isEqualTo(keyA);
        assertThat(items.getList("id", String.class)).contains("source-" + SOURCE);
        assertThat(given().queryParam("format", "bibtex").queryParam("asOf", keyA).queryParam("variables", variables)
                .when().get("/q/" + hash).asString()).isEqualTo(bib.asString());
        Response none = get(permalink, "image/png");
        assertThat(none.statusCode()).isEqualTo(406);
        assertThat(none.jsonPath().getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aQueryWithoutAsOfIsAnsweredLatestAndSaysSo() throws Exception {
        String document = "query PermalinkLatest { dataReleases { key } } # " + System.nanoTime();
        String hash = GraphQL.dataAs(Keys.ADMIN, "mutation($d: String!) { registerPersistedQuery(document: $d, name: \"Releases\") "
                + "{ sha256Hash } }", Map.of("d", document)).getString("data.registerPersistedQuery.sha256Hash");
        Response r = given().when().get("/q/" + hash);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.header("Cache-Control")).doesNotContain("immutable");
        JsonPath j = r.jsonPath();
        assertThat(j.getBoolean("extensions.cite.pinned")).isFalse();
        long version = jdbc.count("select version from data_version", List.of());
        assertThat(j.getLong("extensions.cite.dataVersion")).isEqualTo(version);
        assertThat(j.getString("extensions.cite.note")).contains("no $asOf").contains("data version " + version);
        assertThat(j.getString("extensions.cite.title")).isEqualTo("Releases");
        // an asOf it cannot honour is refused, not ignored
        JsonPath refused = given().queryParam("asOf", "2020-01-01").when().get("/q/" + hash).then().statusCode(400)
                .extract().jsonPath();
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.getString("errors[0].message")).contains("$asOf");
    }

    @Test
    void unknownHashesAndBadArgumentsAreCodedAndQuarkusPathsUnderQStillWork() {
        JsonPath unknown = given().when().get("/q/" + "0".repeat(64)).then().statusCode(404).extract().jsonPath();
        assertThat(unknown.getString("errors[0].extensions.code")).isEqualTo("NOT_FOUND");
        assertThat(unknown.getString("errors[0].message")).contains("registerPersistedQuery");
        JsonPath badVars = given().queryParam("variables", "{not json").when()
                .get("/q/" + org.tradeflows.api.engine.PersistedQueries.sha256(GraphQL.exampleQuery("trade-volumes-as-of")))
                .then().statusCode(400).extract().jsonPath();
        assertThat(badVars.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        JsonPath badRelease = given().queryParam("asOf", "no-such-release").when()
                .get("/q/" + org.tradeflows.api.engine.PersistedQueries.sha256(GraphQL.exampleQuery("trade-volumes-as-of")))
                .then().statusCode(400).extract().jsonPath();
        assertThat(badRelease.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(badRelease.getString("errors[0].message")).contains("asOf");
        assertThat(given().when().post("/q/" + "0".repeat(64)).statusCode()).isEqualTo(405);

        // Quarkus's own paths under /q are untouched by the permalink route
        given().when().get("/q/health/live").then().statusCode(200).body(org.hamcrest.Matchers.containsString("UP"));
        int ready = given().when().get("/q/health").statusCode();
        assertThat(ready).isIn(200, 503);
        given().when().get("/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString("jvm_"));
        given().when().get("/q/graphql-ui/").then().statusCode(200);
    }
}
