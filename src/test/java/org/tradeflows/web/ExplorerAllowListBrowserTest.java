package org.tradeflows.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tradeflows.api.engine.AllowListProfile;
import org.tradeflows.api.engine.PersistedQueries;
import org.tradeflows.model.GlobalId;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.GraphQL;

/**
 * The explorer in allow-list mode (tradeflows.graphql.persisted.only=true): every query it sends is a committed file of
 * graphql/explorer, registered at start and served to the browser as it is, so every panel, the level switch, the
 * filter form, the company search and the landing page answer instead of PERSISTED_QUERY_NOT_ALLOWED; and a file the
 * browser cannot load is named in its panel.
 */
@QuarkusTest
@TestProfile(AllowListProfile.class)
class ExplorerAllowListBrowserTest {

    private static final Path DIR = Path.of("graphql", "explorer");

    static Browser browser;

    @TestHTTPResource("/")
    URL root;
    @Inject
    Jdbc jdbc;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1366, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @AfterEach
    void noConsoleErrors() {
        browser.assertNoConsoleErrors();
    }

    private static List<String> index() throws IOException {
        return Files.readAllLines(DIR.resolve("INDEX")).stream().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void everyQueryTheExplorerLoadsIsACommittedFileRegisteredAtStartAndServedAsItIs() throws Exception {
        List<String> index = index();
        try (Stream<Path> files = Files.list(DIR)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".graphql"))
                    .map(f -> f.substring(0, f.length() - ".graphql".length()))).as("every file is in the INDEX")
                    .containsExactlyInAnyOrderElementsOf(index);
        }
        // the files queries.js loads are those of the INDEX
        String js = Files.readString(Path.of("src/main/resources/META-INF/resources/assets/js/queries.js"));
        Matcher m = Pattern.compile("(?m)^  [A-Z_]+: '([a-z0-9-]+)',$").matcher(js);
        Set<String> loaded = new TreeSet<>();
        while (m.find()) {
            loaded.add(m.group(1));
        }
        assertThat(loaded).containsExactlyInAnyOrderElementsOf(index);

        for (String name : index) {
            String text = Files.readString(DIR.resolve(name + ".graphql"));
            String hash = PersistedQueries.sha256(text);
            assertThat(jdbc.one("select origin || ' ' || name || ' ' || (document = ?) from persisted_query where sha256 = ?",
                    List.of(text, hash), rs -> rs.getString(1))).as(name).contains("EXPLORER explorer/" + name + " true");
            assertThat(given().when().get("/assets/queries/" + name + ".graphql").then().statusCode(200).extract().asString())
                    .as("served as committed: " + name).isEqualTo(text);
            // sent by text, it passes the allow-list (variables left out: at most a validation error follows)
            JsonPath sent = given().contentType(ContentType.JSON).accept(ContentType.JSON).body(Map.of("query", text))
                    .when().post("/graphql").then().extract().jsonPath();
            assertThat(sent.getList("errors.extensions.code", String.class)).as(name).doesNotContain("PERSISTED_QUERY_NOT_ALLOWED");
        }
        // an unregistered text is still refused: the allow-list is on
        JsonPath refused = GraphQL.postAs(null, "query NotTheExplorers { topics { key } } # " + System.nanoTime(), null);
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("PERSISTED_QUERY_NOT_ALLOWED");
    }

    /** Opens the explorer at a view, waits for the named panels and answers the operation each one sent. */
    private List<String> ranIn(String search, String... names) {
        browser.open(root + "explorer" + search);
        List<String> ran = new ArrayList<>();
        for (String name : names) {
            WebElement panel = browser.awaitPanel(name);
            assertThat(panel.getAttribute("data-state")).as("%s in %s: %s", name, search,
                    panel.findElement(By.cssSelector(".message")).getText()).isIn("ready", "empty");
            String query = panel.findElement(By.cssSelector("a.show-query")).getAttribute("data-query");
            assertThat(query).as("%s ran its query in %s", name, search).isNotNull();
            Matcher op = Pattern.compile("query (\\w+)").matcher(query);
            assertThat(op.find()).isTrue();
            ran.add(op.group(1));
        }
        // the level switch counted every level (a query of its own)
        browser.waiting().withMessage("the level switch has no counts").until(d -> {
            List<WebElement> levels = browser.findAll("#level-switch button.level");
            return levels.size() == 3 && levels.stream().allMatch(b -> !b.getAttribute("data-count").isEmpty());
        });
        return ran;
    }

    @Test
    void everyPanelOfTheExplorerAndTheLandingPageAnswerInAllowListMode() {
        long companyId = jdbc.one("select min(id) from company", List.of(), rs -> rs.getLong(1)).orElseThrow();
        assertThat(companyId).as("the open dataset's companies").isPositive();
        String company = GlobalId.of("Company", companyId);
        List<String> ran = new ArrayList<>();
        ran.addAll(ranIn("?level=shipments&view=exposure", "sankey", "products", "time", "facts", "official", "transit",
                "exposure"));
        ran.addAll(ranIn("?level=shipments&flow=companies&drill=84&view=outliers&company=" + company, "sankey", "products",
                "company", "paths", "outliers"));
        ran.addAll(ranIn("?level=official", "sankey", "products", "time"));
        String release = jdbc.one("select key from data_release where not synthetic order by id desc limit 1", List.of(),
                rs -> rs.getString(1)).orElseThrow();
        browser.waiting().until(d -> !browser.findAll("#panel-sankey a.permalink").isEmpty());
        assertThat(browser.find("#panel-sankey a.permalink").getAttribute("href")).as("pinned to the current release, "
                + "which the filter form's query reads").contains("asOf=" + release);
        ran.addAll(ranIn("?level=findings", "sankey"));
        assertThat(ran).containsAll(List.of("ExplorerSankeyCountries", "ExplorerProductSections", "ExplorerTimeSeries",
                "ExplorerFindings", "ExplorerOfficialTotals", "ExplorerTransitRoutes", "ExplorerSanctionsExposure",
                "ExplorerSankeyCompanies", "ExplorerProductChildren", "ExplorerCompanyProfile", "ExplorerSupplyPaths",
                "ExplorerUnitValueOutliers", "ExplorerOfficialFlows", "ExplorerOfficialProducts", "ExplorerOfficialSeries",
                "ExplorerClaims"));

        // the company search
        String name = jdbc.one("select name from company where id = ?", List.of(companyId), rs -> rs.getString(1)).orElseThrow();
        WebElement search = browser.find("#company-search-text");
        search.sendKeys(name, org.openqa.selenium.Keys.ENTER);
        browser.awaitAttribute("#panel-company .search-results", "data-state", "ready");
        assertThat(browser.find("#panel-company .search-results").getText()).contains(name);

        // the landing page
        browser.open(root.toString());
        browser.awaitAttribute("#dataset", "data-state", "ready");
        assertThat(browser.find("#release-key").getText()).isEqualTo(jdbc.one("select key from data_release where not "
                + "synthetic order by id desc limit 1", List.of(), rs -> rs.getString(1)).orElseThrow());
    }

    /** A query file the browser cannot load is named in the panel that needs it; the other panels still answer. */
    @Test
    void aQueryFileThatCannotBeLoadedIsNamedInItsPanel() {
        try (Browser blocked = Browser.start(1366, 1000)) {
            blocked.driver().executeCdpCommand("Network.enable", Map.of());
            blocked.driver().executeCdpCommand("Network.setBlockedURLs",
                    Map.of("urls", List.of("*/assets/queries/official-totals.graphql")));
            blocked.open(root + "explorer?level=official");
            WebElement official = blocked.awaitPanel("official");
            assertThat(official.getAttribute("data-state")).isEqualTo("error");
            assertThat(official.findElement(By.cssSelector(".message")).getText())
                    .contains("could not load its query file /assets/queries/official-totals.graphql")
                    .doesNotContain("The API could not answer");
            assertThat(blocked.awaitPanel("sankey").getAttribute("data-state")).isIn("ready", "empty");
            blocked.discardConsole(); // the browser itself logs the blocked request
        }
    }
}
