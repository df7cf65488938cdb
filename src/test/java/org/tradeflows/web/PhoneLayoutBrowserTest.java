package org.tradeflows.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.tradeflows.support.SyntheticData;

/** The landing page and the explorer on a phone-sized window (390 × 844): nothing wider than the screen, charts drawn. */
@QuarkusTest
class PhoneLayoutBrowserTest {

    static final String SOURCE = "synthetic-explorer-phone";
    static Browser browser;

    @TestHTTPResource("/")
    URL base;
    @Inject
    AgroalDataSource dataSource;

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
        List<String> tooWide = browser.script("return [...document.querySelectorAll('main *, header *, form *')]"
                + ".filter(e => e.offsetParent !== null && !e.closest('.table-wrap') && e.getBoundingClientRect().right > "
                + "document.documentElement.clientWidth + 1).map(e => e.tagName + '.' + e.getAttribute('class') + ' in #' + (e.closest('[id]') || {}).id);");
        assertThat(tooWide).as("elements reaching past the right edge").isEmpty();
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
        for (String level : List.of("official", "findings")) {
            browser.open(base + "explorer?supplierCountries=CN&recipientCountries=RU&level=" + level);
            browser.waiting().until(d -> level.equals(browser.find("#level-switch").getAttribute("data-level")));
            for (String panel : List.of("sankey", "products", "time")) {
                browser.waiting().until(d -> List.of("ready", "empty").contains(browser.find("#panel-" + panel).getAttribute("data-state")));
            }
            assertFitsTheScreen();
            browser.screenshot("explorer-phone-" + level);
        }
    }

    @Test
    void theLandingPageFitsAPhone() {
        browser.open(base.toString());
        browser.awaitAttribute("#dataset", "data-state", "ready");
        assertFitsTheScreen();
        browser.screenshot("landing-phone");
    }
}
