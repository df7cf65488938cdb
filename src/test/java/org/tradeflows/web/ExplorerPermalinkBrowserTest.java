package org.tradeflows.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.tradeflows.api.engine.PersistedQueries;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.BaciRevision;
import org.tradeflows.support.GraphQL;

/**
 * The explorer's permalinks and embeds in headless Chromium: a panel's "Permalink" (the SHA-256 of the committed query
 * file it sent, its variables, pinned to the current release) answers over plain HTTP the figures the panel shows and
 * SQL holds, immutable and with a citation naming the release; "Embed this chart" pins the iframe to that release and
 * cites the permalink under it; after a newer release revises a figure, both still show the old one while the explorer
 * without asOf shows the new one. Expected figures are read by SQL right after each load.
 */
@QuarkusTest
class ExplorerPermalinkBrowserTest {

    private static final String SOURCE = "test-explorer-permalink-baci";

    static Browser browser;

    @TestHTTPResource("/explorer")
    URL explorer;
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

    /** "reporter flow value" of the source's current figures, as SQL reads them now. */
    private List<String> figures() {
        return jdbc.list("select t.reporter || ' ' || t.flow || ' ' || t.value from trade_volume t join source s "
                + "on s.id = t.source_id where s.key = ? order by 1", List.of(SOURCE), rs -> rs.getString(1));
    }

    /** The same figures as the official panel shows them. */
    private static List<String> shown() {
        List<String> out = new ArrayList<>();
        for (WebElement r : browser.findAll("#panel-official .official-figure")) {
            out.add(r.getAttribute("data-reporter") + " " + r.getAttribute("data-flow") + " "
                    + new BigDecimal(r.getAttribute("data-amount")).setScale(2));
        }
        return out;
    }

    /** The same figures as a permalink answers them. */
    private static List<String> answered(JsonPath answer) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> n : answer.<Map<String, Object>>getList("data.tradeVolumes.edges.node")) {
            out.add(((Map<?, ?>) n.get("reporter")).get("code") + " " + n.get("flow") + " "
                    + new BigDecimal(String.valueOf(((Map<?, ?>) n.get("value")).get("amount"))).setScale(2));
        }
        return out;
    }

    /** Waits until the panel has linked the permalink of the query it sent, and answers it. */
    private static String awaitPermalink(String panel) {
        browser.waiting().withMessage(panel + " panel never linked a permalink").until(d ->
                !browser.findAll("#panel-" + panel + " a.permalink").isEmpty());
        return browser.find("#panel-" + panel + " a.permalink").getAttribute("href");
    }

    /** A permalink (absolute, as the page links it) fetched from the test's own server, the URL kept as it is. */
    private static Response get(String permalink, String accept) {
        URI uri = URI.create(permalink);
        assertThat(uri.getHost()).isEqualTo("localhost");
        return given().urlEncodingEnabled(false).accept(accept).when().get(uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    private static String committedHash(String file) throws Exception {
        return PersistedQueries.sha256(Files.readString(Path.of("graphql", "explorer", file + ".graphql")));
    }

    @Test
    void aPanelsPermalinkAndEmbedAnswerItsFiguresPinnedToTheRelease() throws Exception {
        String keyA = BaciRevision.load(SOURCE, BaciRevision.FIRST).getString("releaseKey");
        List<String> stateA = figures();
        assertThat(stateA).hasSize(2);
        assertThat(jdbc.one("select key from data_release where not synthetic order by id desc limit 1", List.of(),
                rs -> rs.getString(1))).contains(keyA);
        String view = explorer + "?level=official&source=" + SOURCE;

        browser.open(view + "&view=official");
        assertThat(browser.awaitPanel("official").getAttribute("data-state")).isEqualTo("ready");
        assertThat(shown()).containsExactlyInAnyOrderElementsOf(stateA);
        String permalink = awaitPermalink("official");
        // the hash of the committed file the panel sent, its variables, and the current release it is pinned to
        assertThat(permalink).startsWith(explorer.toString().replace("/explorer", "/q/") + committedHash("official-totals") + "?")
                .contains("asOf=" + keyA).contains("variables=");
        assertThat(browser.find("#panel-official a.show-query").getAttribute("data-query"))
                .isEqualTo(Files.readString(Path.of("graphql", "explorer", "official-totals.graphql")));

        // the permalink answers what the panel shows, for good, and says how to cite it
        Response pinned = get(permalink, "application/json");
        assertThat(pinned.statusCode()).isEqualTo(200);
        assertThat(pinned.header("Cache-Control")).contains("immutable");
        JsonPath answer = pinned.jsonPath().using(GraphQL.EXACT_NUMBERS);
        assertThat(answered(answer)).containsExactlyInAnyOrderElementsOf(stateA);
        assertThat(answer.getBoolean("extensions.cite.pinned")).isTrue();
        assertThat(answer.getString("extensions.cite.release.key")).isEqualTo(keyA);
        assertThat(answer.getString("extensions.cite.title")).isEqualTo("explorer/official-totals");
        assertThat(answer.getString("extensions.cite.permalink")).as("the page writes the permalink as the service cites it")
                .isEqualTo(permalink);
        String citation = jdbc.one("select citation from source where key = ?", List.of(SOURCE), rs -> rs.getString(1))
                .orElseThrow();
        assertThat(answer.<Map<String, Object>>getList("extensions.cite.sources"))
                .anySatisfy(s -> assertThat(s).containsEntry("key", SOURCE).containsEntry("citation", citation));
        String cite = browser.find("#panel-official a.cite").getAttribute("href");
        assertThat(cite).isEqualTo(permalink + "&format=text");
        Response citeText = get(cite, "*/*");
        assertThat(citeText.statusCode()).isEqualTo(200);
        assertThat(citeText.contentType()).startsWith("text/plain");
        assertThat(citeText.asString()).contains(keyA).contains(citation).contains(permalink);

        // the embed: the panel alone, pinned to that release, and under it the data's permalink and citation
        String code = browser.find("#panel-official textarea.embed-code").getAttribute("value");
        assertThat(code).startsWith("<iframe src=\"");
        String embed = code.substring("<iframe src=\"".length(), code.indexOf('"', "<iframe src=\"".length())).replace("&amp;", "&");
        assertThat(embed).contains("embed=official").contains("level=official").contains("asOf=" + keyA)
                .contains("source=" + SOURCE).doesNotContain("view=");
        assertThat(code).contains("Data: <a href=\"" + permalink.replace("&", "&amp;") + "\">Official statistics (Tradeflows, "
                + "official figures as of release " + keyA + ")</a> — <a href=\"" + cite.replace("&", "&amp;") + "\">cite</a>");

        // a newer release revises a figure: the permalink and the embed still answer release A's figures
        String keyB = BaciRevision.load(SOURCE, BaciRevision.REVISED).getString("releaseKey");
        List<String> stateB = figures();
        assertThat(stateB).isNotEqualTo(stateA);
        assertThat(answered(get(permalink, "application/json").then().statusCode(200).extract().jsonPath()
                .using(GraphQL.EXACT_NUMBERS))).containsExactlyInAnyOrderElementsOf(stateA);
        browser.open(embed);
        assertThat(browser.awaitPanel("official").getAttribute("data-state")).isEqualTo("ready");
        assertThat(shown()).containsExactlyInAnyOrderElementsOf(stateA);
        assertThat(awaitPermalink("official")).isEqualTo(permalink);
        assertThat(browser.find("#panel-official .as-of").getText()).contains("as of release " + keyA);
        browser.screenshot("explorer-embed-pinned");

        // the explorer without asOf shows the new figures, and its permalink pins the new release
        browser.open(view + "&view=official");
        assertThat(browser.awaitPanel("official").getAttribute("data-state")).isEqualTo("ready");
        browser.waiting().until(d -> shown().containsAll(stateB) && shown().size() == stateB.size());
        String newer = awaitPermalink("official");
        assertThat(newer).contains("asOf=" + keyB).isNotEqualTo(permalink);
        assertThat(answered(get(newer, "application/json").jsonPath().using(GraphQL.EXACT_NUMBERS)))
                .containsExactlyInAnyOrderElementsOf(stateB);

        // a panel whose query reads no official figures links the latest data: not pinned, not immutable
        assertThat(browser.awaitPanel("facts").getAttribute("data-state")).isEqualTo("ready");
        String facts = awaitPermalink("facts");
        assertThat(facts).startsWith(explorer.toString().replace("/explorer", "/q/") + committedHash("findings")).doesNotContain("asOf=");
        Response latest = get(facts, "application/json");
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(latest.header("Cache-Control")).doesNotContain("immutable");
        assertThat(latest.jsonPath().getBoolean("extensions.cite.pinned")).isFalse();
        assertThat(latest.jsonPath().getList("data.findings.edges.node.key"))
                .containsExactlyElementsOf(browser.findAll("#panel-facts .fact").stream().map(f -> f.getAttribute("data-key")).toList());
    }

    /** Where the browser has no crypto.subtle (a page over plain http off localhost), the panel says so, no broken link. */
    @Test
    void withoutCryptoSubtleThePanelSaysThatPermalinksNeedHttps() {
        try (Browser plain = Browser.start(1366, 1000)) {
            // what an insecure context looks like to the page: crypto.subtle is undefined
            plain.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "Object.defineProperty(Crypto.prototype, 'subtle', { get() { return undefined; } });"));
            plain.open(explorer + "?level=official&view=official");
            assertThat(plain.awaitPanel("official").getAttribute("data-state")).isIn("ready", "empty");
            plain.waiting().withMessage("no word about https").until(d -> !plain.findAll("#panel-official .no-permalink").isEmpty());
            assertThat(plain.find("#panel-official .no-permalink").getText()).contains("Permalinks need https");
            assertThat(plain.findAll("#panel-official a.permalink")).isEmpty();
            assertThat(plain.find("#panel-official textarea.embed-code").getAttribute("value")).doesNotContain("Data:");
            plain.assertNoConsoleErrors();
        }
    }
}
