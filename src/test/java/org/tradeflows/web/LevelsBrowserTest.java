package org.tradeflows.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.tradeflows.model.GlobalId;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.Uploads;

/**
 * The explorer's levels of detail in headless Chromium: the switch "official statistics · company shipments · reported
 * findings", the first screen chosen from what exists, each chart on official statistics (after loading BACI-shaped
 * rows of this class's own source) compared with plain SQL, findings as a claims graph, and empty panels that say which
 * data is missing and how to get it.
 */
@QuarkusTest
class LevelsBrowserTest {

    static final String BACI_SOURCE = "h3-levels-baci";
    /** BACI's layout: year, exporter and importer (ISO numeric), HS6 product, value in thousand USD, quantity in tonnes. */
    static final String BACI_ROWS = """
            t,i,j,k,v,q
            2022,156,398,840710,1500.5,10
            2022,156,398,850760,820.25,3
            2022,398,643,840710,640,2
            2023,156,398,840710,2100,12
            2023,156,398,880730,310.75,1
            2023,156,398,850760,990,4
            2023,398,643,840710,870.5,3
            2023,398,643,850760,120,NA
            2023,156,643,880730,455,1
            """;

    static Browser browser;

    @TestHTTPResource("/explorer")
    URL explorer;
    @Inject
    Jdbc jdbc;

    record Figure(BigDecimal eur, long figures) {
    }

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(1366, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @BeforeEach
    void baciRows() {
        // loading the same file again is recognised and changes nothing, so every test may ask for it
        Uploads.upload("baci", BACI_ROWS.getBytes(StandardCharsets.UTF_8), Uploads.source(BACI_SOURCE), 200);
        assertThat(jdbc.count("select count(*) from trade_volume t join source s on s.id = t.source_id where s.key = ?",
                List.of(BACI_SOURCE))).isEqualTo(9);
    }

    @AfterEach
    void noConsoleErrors() {
        browser.assertNoConsoleErrors();
    }

    private String awaitLevel() {
        browser.waiting().until(d -> !browser.findAll("#level-switch button.level[aria-pressed=true]").isEmpty());
        return browser.find("#level-switch").getAttribute("data-level");
    }

    /** Official figures of the filter grouped as the charts group them: one group per reporter, flow, source, all-goods and key. */
    private Map<String, Figure> official(String keySql, String where, List<Object> params) {
        Map<String, Figure> out = new HashMap<>();
        jdbc.list("select " + keySql + " as k, sum(t.value_eur) as eur, count(*) as n from trade_volume t "
                + "join source s on s.id = t.source_id where " + where + " group by 1", params,
                rs -> out.put(rs.getString("k"), new Figure(rs.getBigDecimal("eur"), rs.getLong("n"))));
        return out;
    }

    private static Map<String, Figure> shown(List<WebElement> rows, java.util.function.Function<WebElement, String> key) {
        Map<String, Figure> out = new HashMap<>();
        for (WebElement r : rows) {
            String eur = r.getAttribute("data-value-eur");
            Figure previous = out.put(key.apply(r), new Figure(eur.isEmpty() ? null : new BigDecimal(eur),
                    Long.parseLong(r.getAttribute("data-figures"))));
            assertThat(previous).as("row %s shown once", key.apply(r)).isNull();
        }
        return out;
    }

    private static void assertSameFigures(Map<String, Figure> shown, Map<String, Figure> expected) {
        assertThat(shown.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((k, want) -> {
            assertThat(shown.get(k).figures()).as("figures of %s", k).isEqualTo(want.figures());
            if (want.eur() == null) {
                assertThat(shown.get(k).eur()).as("EUR of %s", k).isNull();
            } else {
                assertThat(shown.get(k).eur()).as("EUR of %s", k).isEqualByComparingTo(want.eur());
            }
        });
    }

    @Test
    void theFirstScreenOfChinaToRussiaShowsRealFiguresChosenFromWhatExists() {
        browser.open(explorer + "?supplierCountries=CN&recipientCountries=RU&view=facts"); // the landing page's link
        long shipments = jdbc.count("select count(*) from shipment where not synthetic and supplier_country = 'CN' "
                + "and recipient_country = 'RU'", List.of());
        String pairs = "((t.reporter = 'CN' and t.partner = 'RU' and t.flow = 'EXPORT') "
                + "or (t.reporter = 'RU' and t.partner = 'CN' and t.flow = 'IMPORT'))";
        long officialFigures = jdbc.count("select count(*) from trade_volume t where " + pairs, List.of());
        assertThat(officialFigures).as("the open dataset's China customs figures").isPositive();
        String level = awaitLevel();
        assertThat(level).isEqualTo(shipments > 0 ? "shipments" : "official");
        assertThat(browser.find("#level-switch").getText())
                .contains("official statistics").contains("company shipments").contains("reported findings");
        assertThat(browser.find("#level-switch button[data-level=shipments]").getAttribute("data-count"))
                .isEqualTo(String.valueOf(shipments));
        // an embed keeps the level chosen now, so that a published chart does not change kind when other data arrives
        assertThat(browser.find("#panel-sankey textarea.embed-code").getAttribute("value")).contains("level=" + level);
        assertThat(browser.awaitPanel("facts").getAttribute("data-state")).isEqualTo("ready");
        assertThat(browser.awaitPanel("official").getAttribute("data-state")).isEqualTo("ready");
        assertThat(browser.awaitPanel("sankey").getAttribute("data-state")).isEqualTo("ready");
        if (!"official".equals(level)) {
            // another class loaded real CN -> RU shipments, so the first screen is theirs (proven by ExplorerBrowserTest);
            // the official figures below are checked whatever ran before, on the level asked for by name
            browser.open(explorer + "?supplierCountries=CN&recipientCountries=RU&view=facts&level=official");
            assertThat(awaitLevel()).isEqualTo("official");
            assertThat(browser.awaitPanel("sankey").getAttribute("data-state")).isEqualTo("ready");
        }
        assertThat(browser.find("#panel-sankey .chart").getAttribute("data-state")).isEqualTo("ready");
        // the Sankey draws the latest year, one published figure per pair: the exporter's before the importer's,
        // all-goods before sums of product figures, then the largest
        int year = jdbc.one("select max(extract(year from period_start))::int from trade_volume t where " + pairs, List.of(),
                rs -> rs.getInt(1)).orElseThrow();
        String drawnSql = """
                select distinct on (case when flow = 'EXPORT' then reporter || '>' || partner else partner || '>' || reporter end)
                       reporter || ' ' || flow || ' ' || s.key || ' ' || (product_code is null) as k, sum(value_eur) as eur
                from trade_volume t join source s on s.id = t.source_id
                where %s and extract(year from t.period_start) = ?
                group by reporter, partner, flow, s.key, (product_code is null)
                order by case when flow = 'EXPORT' then reporter || '>' || partner else partner || '>' || reporter end,
                         flow = 'EXPORT' desc, (product_code is null) desc, sum(value_eur) desc nulls last
                """.formatted(pairs);
        Map<String, BigDecimal> expectedLinks = new HashMap<>();
        jdbc.list(drawnSql, List.of(year), rs -> expectedLinks.put(rs.getString("k"), rs.getBigDecimal("eur")));
        Map<String, BigDecimal> drawn = new HashMap<>();
        for (WebElement r : browser.findAll("#panel-sankey tr.official-group[data-drawn=true]")) {
            assertThat(r.getAttribute("data-year")).isEqualTo(String.valueOf(year));
            drawn.put(r.getAttribute("data-reporter") + " " + r.getAttribute("data-flow") + " " + r.getAttribute("data-source")
                    + " " + r.getAttribute("data-all-goods"), new BigDecimal(r.getAttribute("data-value-eur")));
        }
        assertThat(drawn.keySet()).containsExactlyInAnyOrderElementsOf(expectedLinks.keySet());
        expectedLinks.forEach((k, eur) -> assertThat(drawn.get(k)).as(k).isEqualByComparingTo(eur));
        assertThat(browser.find("#panel-sankey .summary").getText()).contains("Official statistics for " + year);

        // the time series: one series per reporter, flow, source and all-goods, by year, as SQL groups them
        browser.awaitPanel("time");
        assertSameFigures(shown(browser.findAll("#panel-time tr.official-period"), r -> r.getAttribute("data-period") + " "
                + r.getAttribute("data-series")), official("extract(year from t.period_start)::int || ' ' || t.reporter || ' ' || t.flow "
                + "|| ' ' || s.key || case when t.product_code is null then '' else ' products' end", pairs, List.of()));
        assertThat(browser.find("#panel-time .chart").getAttribute("data-state")).isEqualTo("ready");

        // products: the open dataset's official figures are all-goods totals, so there is no HS breakdown unless product rows exist
        long productFigures = jdbc.count("select count(*) from trade_volume t where product_code is not null and " + pairs, List.of());
        WebElement products = browser.awaitPanel("products");
        if (productFigures == 0) {
            assertThat(products.getAttribute("data-state")).isEqualTo("empty");
            assertThat(products.findElement(org.openqa.selenium.By.cssSelector(".message")).getText()).contains("fetch baci");
        }

        // the company view says that official statistics have no companies, and offers the switch
        WebElement note = browser.find("#panel-company .level-note");
        assertThat(note.isDisplayed()).isTrue();
        assertThat(note.getText()).contains("Official statistics have no companies");
        note.findElement(org.openqa.selenium.By.cssSelector("button[data-level=findings]")).click();
        browser.awaitUrlContains("level=findings");
        assertThat(awaitLevel()).isEqualTo("findings");
        browser.screenshot("levels-first-screen");
    }

    @Test
    void officialStatisticsFromBaciDrawEveryPanelAsSqlGroupsThem() {
        String mine = "s.key = '" + BACI_SOURCE + "'";
        browser.open(explorer + "?level=official&source=" + BACI_SOURCE);
        assertThat(awaitLevel()).isEqualTo("official");
        assertThat(browser.find("#level-switch button[data-level=official]").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.find("#panel-sankey .modes").isDisplayed()).as("countries/companies mode on official figures").isFalse();

        // Sankey: the latest year (2023), each exporter's figures per partner; every group of every year in the table
        browser.awaitPanel("sankey");
        assertThat(browser.find("#panel-sankey").getAttribute("data-state")).isEqualTo("ready");
        assertThat(browser.find("#panel-sankey .chart").getAttribute("data-state")).isEqualTo("ready");
        Map<String, Figure> pairs = official("t.reporter || '>' || t.partner || ' ' || extract(year from t.period_start)::int",
                mine, List.of());
        assertSameFigures(shown(browser.findAll("#panel-sankey tr.official-group"),
                r -> r.getAttribute("data-from") + ">" + r.getAttribute("data-to") + " " + r.getAttribute("data-year")), pairs);
        assertThat(browser.findAll("#panel-sankey tr.official-group[data-drawn=true]")).extracting(r -> r.getAttribute("data-year"))
                .containsOnly("2023").hasSize((int) pairs.keySet().stream().filter(k -> k.endsWith(" 2023")).count());
        Object links = browser.script("return echarts.getInstanceByDom(document.querySelector('#panel-sankey .chart'))"
                + ".getOption().series[0].links.length");
        assertThat(((Number) links).intValue()).isEqualTo(3);

        // HS drill-down: sections, then a section's chapters, then a chapter's headings, each as SQL groups them
        browser.awaitPanel("products");
        String section = "(select section_code from product_category where code = left(t.product_code, 2))";
        String series = " || ' ' || t.reporter || ' ' || t.flow || ' ' || s.key || ' products'";
        assertSameFigures(shown(browser.findAll("#panel-products tr.official-product"),
                r -> r.getAttribute("data-code") + " " + r.getAttribute("data-series")), official(section + series, mine, List.of()));
        // time series by year: one series per reporter and source (before the drill-down, which it does not follow)
        browser.awaitPanel("time");
        assertSameFigures(shown(browser.findAll("#panel-time tr.official-period"),
                r -> r.getAttribute("data-period") + " " + r.getAttribute("data-series")),
                official("extract(year from t.period_start)::int" + series, mine, List.of()));
        String machinery = jdbc.one("select section_code from product_category where code = '84'", List.of(), rs -> rs.getString(1))
                .orElseThrow();
        openTable("products");
        browser.find("#panel-products tr.official-product[data-code='" + machinery + "'] button.drill").click();
        browser.awaitUrlContains("drill=" + machinery);
        browser.awaitPanel("products");
        assertSameFigures(shown(browser.findAll("#panel-products tr.official-product"),
                r -> r.getAttribute("data-code") + " " + r.getAttribute("data-series")),
                official("left(t.product_code, 2)" + series, mine + " and " + section + " = ?", List.of(machinery)));
        openTable("products");
        browser.find("#panel-products tr.official-product[data-code='84'] button.drill").click();
        browser.awaitUrlContains("drill=84");
        browser.awaitPanel("products");
        assertSameFigures(shown(browser.findAll("#panel-products tr.official-product"),
                r -> r.getAttribute("data-code") + " " + r.getAttribute("data-series")),
                official("left(t.product_code, 4)" + series, mine + " and t.product_code like '84%'", List.of()));
        assertThat(browser.find("#panel-products .chart").getAttribute("data-state")).isEqualTo("ready");

        browser.screenshot("levels-official-baci");

        // the company view has no companies to show on official statistics, and says so
        assertThat(browser.find("#panel-company .level-note").getText()).contains("Official statistics have no companies");

        // the switch to shipments: none of this source, so the panel says what is missing and offers the way back
        browser.find("#level-switch button[data-level=shipments]").click();
        browser.awaitUrlContains("level=shipments");
        WebElement sankey = browser.awaitPanel("sankey");
        assertThat(sankey.getAttribute("data-state")).isEqualTo("empty");
        assertThat(sankey.findElement(org.openqa.selenium.By.cssSelector(".message [data-missing=shipments]")).getText())
                .contains("No company shipments for these filters").contains("load --format shipments");
        sankey.findElement(org.openqa.selenium.By.cssSelector(".message button[data-level=official]")).click();
        browser.awaitUrlContains("level=official");
        assertThat(browser.awaitPanel("sankey").getAttribute("data-state")).isEqualTo("ready");
    }

    @Test
    void anEmptyLevelSaysWhichDataIsMissingAndHowToGetIt() {
        browser.open(explorer + "?level=official&source=" + BACI_SOURCE + "&from=1995-01-01&to=1995-12-31");
        assertThat(awaitLevel()).isEqualTo("official");
        for (String panel : List.of("sankey", "products", "time", "official")) {
            WebElement p = browser.awaitPanel(panel);
            assertThat(p.getAttribute("data-state")).as(panel).isEqualTo("empty");
            assertThat(p.findElement(org.openqa.selenium.By.cssSelector(".message")).getText()).as(panel)
                    .contains("No official statistics for these filters").contains("fetch baci --years");
        }
        // without a level, the first level with rows is chosen; with none anywhere, shipments say what is missing
        browser.open(explorer + "?source=" + BACI_SOURCE + "&from=1995-01-01&to=1995-12-31&supplierCountries=CN");
        awaitLevel();
        WebElement sankey = browser.awaitPanel("sankey");
        long findings = jdbc.count("""
                select count(distinct f.id) from finding f join finding_country c on c.finding_id = f.id
                where c.country_code = 'CN' and (f.period_end is null or f.period_end >= date '1995-01-01')
                  and (f.period_start is null or f.period_start <= date '1995-12-31')""", List.of());
        if (findings == 0) {
            assertThat(browser.find("#level-switch").getAttribute("data-level")).isEqualTo("shipments");
            assertThat(sankey.getText()).contains("No company shipments for these filters");
        }
    }

    @Test
    void reportedFindingsDrawAsAClaimsGraphOfWhoSuppliedWhom() {
        browser.open(explorer + "?supplierCountries=CN&recipientCountries=RU&level=findings");
        assertThat(awaitLevel()).isEqualTo("findings");
        WebElement sankey = browser.awaitPanel("sankey");
        assertThat(sankey.getAttribute("data-state")).isEqualTo("ready");
        assertThat(browser.find("#sankey-title").getText()).isEqualTo("Who supplied whom, as reported");
        assertThat(sankey.findElement(org.openqa.selenium.By.cssSelector(".summary")).getText())
                .contains("Reported claims, not totals").contains("do not add up");

        record Claim(String amount, String currency, String qualifier, String source, Set<String> from, Set<String> to) {
        }
        Map<String, Claim> expected = new HashMap<>();
        jdbc.list("""
                select f.id, f.key, f.value, f.currency, f.value_qualifier, s.key as source from finding f
                join source s on s.id = f.source_id
                where exists (select 1 from finding_country c where c.finding_id = f.id and c.country_code in ('CN', 'RU'))
                """, List.of(), rs -> {
            long id = rs.getLong("id");
            Set<String> from = companies(id, "SUPPLIER");
            if (from.isEmpty()) {
                from = countries(id, "ORIGIN");
            }
            Set<String> to = companies(id, "RECIPIENT");
            if (to.isEmpty() && !from.isEmpty()) {
                to = companies(id, "SUBJECT");
            }
            if (to.isEmpty()) {
                to = countries(id, "DESTINATION");
            }
            BigDecimal value = rs.getBigDecimal("value");
            return expected.put(rs.getString("key"), new Claim(value == null ? "" : value.toPlainString(),
                    rs.getString("currency") == null ? "" : rs.getString("currency"),
                    rs.getString("value_qualifier") == null ? "" : rs.getString("value_qualifier"), rs.getString("source"), from, to));
        });
        List<WebElement> rows = browser.findAll("#panel-sankey tr.claim");
        assertThat(rows).hasSize(Math.min(30, expected.size()));
        int drawn = 0;
        for (WebElement r : rows) {
            Claim want = expected.get(r.getAttribute("data-key"));
            assertThat(want).as("claim %s exists in SQL", r.getAttribute("data-key")).isNotNull();
            String amount = r.getAttribute("data-amount");
            assertThat(amount.isEmpty() ? "" : new BigDecimal(amount).setScale(2).toPlainString()).isEqualTo(want.amount());
            assertThat(r.getAttribute("data-currency")).isEqualTo(want.currency());
            assertThat(r.getAttribute("data-qualifier")).isEqualTo(want.qualifier());
            assertThat(r.getAttribute("data-source")).isEqualTo(want.source());
            assertThat(split(r.getAttribute("data-from"))).as("suppliers of %s", r.getAttribute("data-key")).isEqualTo(want.from());
            assertThat(split(r.getAttribute("data-to"))).as("recipients of %s", r.getAttribute("data-key")).isEqualTo(want.to());
            if (!want.from().isEmpty() && !want.to().isEmpty()) {
                drawn++;
            }
        }
        assertThat(drawn).isPositive();
        // each claim is its own node in the graph, never a summed link
        Object claimNodes = browser.script("return echarts.getInstanceByDom(document.querySelector('#panel-sankey .chart'))"
                + ".getOption().series[0].data.filter(n => n.kind === 'claim').length");
        assertThat(((Number) claimNodes).intValue()).isEqualTo(drawn);
        assertThat(browser.find("#panel-sankey tr.claim[data-key='direct-supplies-to-sanctioned-firms']").getAttribute("textContent"))
                .contains("at least EUR 55 million");
        // findings are not summed by product or period: those panels say why and offer the other levels
        for (String panel : List.of("products", "time")) {
            assertThat(browser.awaitPanel(panel).findElement(org.openqa.selenium.By.cssSelector(".message")).getText())
                    .contains("claims that overlap");
        }
        browser.screenshot("levels-claims");
    }

    /** Opens a panel's data table, where its buttons do what clicking the chart does. */
    private static void openTable(String panel) {
        browser.script("document.querySelector('#panel-" + panel + " details.data').open = true");
    }

    private Set<String> companies(long finding, String role) {
        return new TreeSet<>(jdbc.list("select company_id from finding_company where finding_id = ? and role = ?",
                List.of(finding, role), rs -> GlobalId.of("Company", rs.getLong(1))));
    }

    private Set<String> countries(long finding, String role) {
        return new TreeSet<>(jdbc.list("select country_code from finding_country where finding_id = ? and role = ?",
                List.of(finding, role), rs -> rs.getString(1)));
    }

    private static Set<String> split(String joined) {
        return joined == null || joined.isEmpty() ? new TreeSet<>() : new TreeSet<>(new ArrayList<>(List.of(joined.split(","))));
    }
}
