package org.tradeflows.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.tradeflows.store.Jdbc;

/** The landing page in a real browser: the dataset's counts, release and sources as plain SQL counts them, and its links. */
@QuarkusTest
class LandingPageBrowserTest {

    static Browser browser;

    @TestHTTPResource("/")
    URL base;
    @Inject
    Jdbc jdbc;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1280, 900);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @AfterEach
    void noConsoleErrors() {
        browser.assertNoConsoleErrors();
    }

    @Test
    void showsWhatTheDatasetHoldsAsPlainSqlCountsIt() {
        browser.open(base.toString());
        browser.awaitAttribute("#dataset", "data-state", "ready");
        Map<String, String> expected = Map.of(
                // generated companies, sanctions and findings (source of kind SYNTHETIC) are never counted
                "findings", "select count(*) from finding f join source x on x.id = f.source_id where x.kind <> 'SYNTHETIC'",
                "companies", "select count(*) from company c left join source x on x.id = c.source_id "
                        + "where c.merged_into_id is null and x.kind is distinct from 'SYNTHETIC'",
                "sanctions", "select count(*) from sanction s join source x on x.id = s.source_id where x.kind <> 'SYNTHETIC'",
                "tradeVolumes", "select count(*) from trade_volume",
                "shipments", "select count(*) from shipment where not synthetic");
        expected.forEach((name, sql) -> assertThat(Long.parseLong(browser.find("[data-count=" + name + "]").getAttribute("data-value")))
                .as(name).isEqualTo(jdbc.count(sql, List.of())));
        assertThat(Long.parseLong(browser.find("[data-count=findings]").getAttribute("data-value"))).isPositive();

        String release = jdbc.one("select key from data_release where not synthetic order by id desc limit 1", List.of(),
                rs -> rs.getString(1)).orElseThrow();
        assertThat(browser.find("#release-key").getText()).isEqualTo(release);

        List<String> sourceKeys = browser.findAll("#sources tbody tr").stream().map(r -> r.getAttribute("data-key")).toList();
        assertThat(sourceKeys).containsExactlyInAnyOrderElementsOf(
                jdbc.list("select key from source where kind <> 'SYNTHETIC'", List.of(), rs -> rs.getString(1)));
        assertThat(sourceKeys).contains("seed-article");
        browser.screenshot("landing");
    }

    @Test
    void linksToTheExplorerGraphiqlExamplesReadmeAndSchemaThatAllAnswer() {
        browser.open(base.toString());
        browser.awaitAttribute("#dataset", "data-state", "ready");
        List<String> links = browser.findAll("main a, header a").stream().map(a -> a.getAttribute("href")).toList();
        for (String path : List.of("/explorer", "/q/graphql-ui/", "/examples", "/README.md", "/graphql/schema.graphql",
                "/q/swagger-ui/")) {
            assertThat(links).as("links").anyMatch(l -> l.endsWith(path));
            given().when().get(path).then().statusCode(200);
        }
        assertThat(given().get("/README.md").asString()).contains("## Explorer");
        String queryLink = browser.find("#landing-query").getAttribute("href");
        assertThat(java.net.URLDecoder.decode(queryLink.substring(queryLink.indexOf("query=") + 6).split("&")[0],
                java.nio.charset.StandardCharsets.UTF_8)).contains("query Landing");

        WebElement explorer = browser.find("main .cards a[href='/explorer']");
        explorer.click();
        browser.awaitUrlContains("/explorer");
        browser.awaitAttribute("#panel-facts", "data-state", "ready");
    }
}
