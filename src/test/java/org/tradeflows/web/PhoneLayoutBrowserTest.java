package org.tradeflows.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.SyntheticData;
import org.tradeflows.support.Uploads;

/** The landing page and the explorer on a phone-sized window (390 × 844): nothing wider than the screen, charts drawn. */
@QuarkusTest
class PhoneLayoutBrowserTest {

    static final String SOURCE = "synthetic-explorer-phone";
    static final String BACI_SOURCE = "test-phone-baci";
    /** BACI's layout (year, exporter, importer as ISO numeric, HS6, thousand USD, tonnes): official figures of this class's own. */
    static final String BACI_ROWS = """
            t,i,j,k,v,q
            2022,156,398,840710,1500.5,10
            2022,398,643,840710,640,2
            2023,156,398,850760,990,4
            2023,156,643,880730,455,1
            """;
    /** One word of 135 letters: a source name, title or release key as long as data may bring, with nowhere to break. */
    static final String LONG_WORD = "unbrokenwordwithoutanyspace".repeat(5);
    static Browser browser;

    @TestHTTPResource("/")
    URL base;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Jdbc jdbc;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.phone(390, 844);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @BeforeEach
    void data() {
        SyntheticData.load(dataSource, "explorer-phone", 5, 24, 800);
    }

    @AfterEach
    void noConsoleErrors() {
        browser.assertNoConsoleErrors();
    }

    private void assertFitsTheScreen() {
        long viewport = browser.script("return document.documentElement.clientWidth;");
        assertThat(viewport).isBetween(360L, 390L);
        // every element reaching past the right edge, widest first, with its right edge and the start of its text
        List<String> tooWide = browser.script("return [...document.querySelectorAll('main *, header *, form *')]"
                + ".filter(e => e.offsetParent !== null && !e.closest('.table-wrap') && e.getBoundingClientRect().right > "
                + "document.documentElement.clientWidth + 1).sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)"
                + ".map(e => e.tagName + '.' + e.getAttribute('class') + ' in #' + (e.closest('[id]') || {}).id + ' right '"
                + " + Math.round(e.getBoundingClientRect().right) + ' px: ' + (e.textContent || '').trim().slice(0, 40));");
        assertThat(tooWide).as("elements reaching past the right edge of %d px", viewport).isEmpty();
        long page = browser.script("return document.documentElement.scrollWidth;");
        assertThat(page).as("page width on a %d px screen", viewport).isLessThanOrEqualTo(viewport);
    }

    @Test
    void theExplorerFitsAPhoneAndDrawsItsCharts() {
        browser.open(base + "explorer?synthetic=1&source=" + SOURCE);
        for (String panel : List.of("sankey", "products", "time")) {
            browser.awaitAttribute("#panel-" + panel, "data-state", "ready");
            WebElement chart = browser.find("#panel-" + panel + " .chart");
            assertThat(chart.getAttribute("data-state")).isEqualTo("ready");
            assertThat(chart.getRect().getWidth()).as(panel + " chart width").isBetween(250, 390);
        }
        browser.awaitAttribute("#panel-facts", "data-state", "ready");
        assertThat(browser.findAll("#panel-sankey tbody tr")).isNotEmpty();
        assertFitsTheScreen();
        browser.screenshot("explorer-phone");

        // the company profile, opened from the Sankey's company view, fits too
        browser.open(base + "explorer?synthetic=1&source=" + SOURCE + "&flow=companies");
        browser.awaitAttribute("#panel-sankey", "data-state", "ready");
        String company = browser.find("#panel-sankey tbody tr").getAttribute("data-to");
        browser.open(base + "explorer?synthetic=1&source=" + SOURCE + "&company=" + company + "&view=company");
        browser.awaitAttribute("#panel-company", "data-state", "ready");
        assertThat(browser.find("#panel-company .company-name").getText()).startsWith("Synthetic Recipient");
        assertFitsTheScreen();
        browser.screenshot("explorer-phone-company");
    }

    @Test
    void everyLevelOfDetailFitsAPhone() {
        // official figures of this class's own source: every official panel draws them
        Uploads.upload("baci", BACI_ROWS.getBytes(StandardCharsets.UTF_8), Uploads.source(BACI_SOURCE), 200);
        browser.open(base + "explorer?level=official&source=" + BACI_SOURCE);
        browser.waiting().until(d -> "official".equals(browser.find("#level-switch").getAttribute("data-level")));
        for (String panel : List.of("sankey", "products", "time")) {
            assertThat(browser.awaitPanel(panel).getAttribute("data-state")).as(panel).isEqualTo("ready");
        }
        long pairYears = jdbc.count("""
                select count(distinct (t.reporter, t.partner, t.period_start)) from trade_volume t join source s on s.id = t.source_id
                 where s.key = ?""", List.of(BACI_SOURCE));
        assertThat(pairYears).isEqualTo(4);
        assertThat(browser.findAll("#panel-sankey tr.official-group")).hasSize((int) pairYears);
        assertFitsTheScreen();
        browser.screenshot("explorer-phone-official");

        // reported findings: the open dataset's (loaded at every start), drawn as the claims graph; products and periods
        // of findings are never summed, and say so
        long findings = jdbc.count("""
                select count(*) from finding f where exists (select 1 from finding_country c where c.finding_id = f.id
                   and c.country_code in ('CN', 'RU'))""", List.of());
        assertThat(findings).as("the open dataset's China-Russia findings").isPositive();
        browser.open(base + "explorer?supplierCountries=CN&recipientCountries=RU&level=findings");
        browser.waiting().until(d -> "findings".equals(browser.find("#level-switch").getAttribute("data-level")));
        assertThat(browser.awaitPanel("sankey").getAttribute("data-state")).isEqualTo("ready");
        assertThat(browser.findAll("#panel-sankey tr.claim")).hasSize((int) Math.min(30, findings));
        for (String panel : List.of("products", "time")) {
            WebElement p = browser.awaitPanel(panel);
            assertThat(p.getAttribute("data-state")).as(panel).isEqualTo("empty");
            assertThat(p.findElement(org.openqa.selenium.By.cssSelector(".message")).getText()).as(panel)
                    .contains("Reported findings are claims that overlap");
        }
        assertFitsTheScreen();
        browser.screenshot("explorer-phone-findings");
    }

    @Test
    void theLandingPageFitsAPhone() {
        // the newest real release and a source whose key, title, publisher, address and licence are one long word each:
        // the page must fit whatever a load brings
        String sourceKey = "test-phone-" + LONG_WORD;
        String releaseKey = "shipments-" + sourceKey + "-0123456789ab";
        jdbc.update("""
                insert into source (key, kind, title, publisher, url, licence, citation)
                values (?, 'CUSTOMS_RECORDS', ?, ?, ?, ?, 'Phone layout test') on conflict (key) do nothing""",
                List.of(sourceKey, "Title" + LONG_WORD, "Publisher" + LONG_WORD, "https://example.org/" + LONG_WORD, "Licence" + LONG_WORD));
        jdbc.update("""
                insert into data_release (key, version, kind, synthetic, content_sha256, changelog, source_id)
                select ?, '0123456789ab', 'INGEST', false, repeat('7', 64), ?, id from source where key = ?
                on conflict (key) do nothing""", List.of(releaseKey, "Changelog" + LONG_WORD, sourceKey));
        String newest = jdbc.one("select key from data_release where not synthetic order by id desc limit 1", List.of(),
                rs -> rs.getString(1)).orElseThrow();
        browser.open(base.toString());
        browser.awaitAttribute("#dataset", "data-state", "ready");
        assertThat(browser.find("#release-key").getText()).isEqualTo(newest);
        assertThat(browser.find("#sources tr[data-key='" + sourceKey + "']").getText()).contains("Title" + LONG_WORD);
        assertFitsTheScreen();
        browser.screenshot("landing-phone");
    }
}
