package org.tradeflows.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.SyntheticData;

/** The landing page in a real browser: the dataset's counts, release and sources as plain SQL counts them, and its links. */
@QuarkusTest
class LandingPageBrowserTest {

    static Browser browser;

    @TestHTTPResource("/")
    URL base;
    @Inject
    Jdbc jdbc;
    @Inject
    AgroalDataSource dataSource;

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
        // generated data of this test's own, loaded after the open dataset: a synthetic release newer than every real
        // one, generated companies, sanctions and shipments, none of which the page may count or name
        SyntheticData.load(dataSource, "landing", 41, 12, 300);
        String release = jdbc.one("select key from data_release where not synthetic order by id desc limit 1", List.of(),
                rs -> rs.getString(1)).orElseThrow();
        assertThat(jdbc.count("select count(*) from data_release where synthetic and id > (select id from data_release where key = ?)",
                List.of(release))).as("synthetic releases newer than the current one").isPositive();
        assertThat(jdbc.count("select count(*) from shipment where synthetic", List.of())).isPositive();
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
        expected.forEach((name, sql) -> {
            long count = jdbc.count(sql, List.of());
            WebElement shown = browser.find("[data-count=" + name + "]");
            assertThat(Long.parseLong(shown.getAttribute("data-value"))).as(name).isEqualTo(count);
            // and as the reader sees it, with thousands separators
            assertThat(shown.getText()).as(name).isEqualTo(String.format(Locale.ROOT, "%,d", count));
        });
        assertThat(Long.parseLong(browser.find("[data-count=findings]").getAttribute("data-value"))).isPositive();

        assertThat(browser.find("#release-key").getText()).isEqualTo(release);
        long realReleases = jdbc.count("select count(*) from data_release where not synthetic", List.of());
        assertThat(browser.find("#release").getText()).startsWith("Current data release: " + release + " (")
                .contains(". " + realReleases + " releases in all.");

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
