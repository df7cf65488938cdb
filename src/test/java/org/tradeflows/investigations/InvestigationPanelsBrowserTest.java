package org.tradeflows.investigations;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.tradeflows.model.GlobalId;
import org.tradeflows.store.Jdbc;
import org.tradeflows.web.Browser;

/**
 * The explorer's investigation panels in headless Chromium, each table compared with the same independent SQL as the
 * API's own tests: the re-routing table (MN → Nepal/Bangladesh/India → BT), suppliers ranked by what they sent to
 * recipients under a sanction in force that day, the exposure block of a company profile, and the unit-value outliers;
 * and each says so when nothing matches.
 */
@QuarkusTest
class InvestigationPanelsBrowserTest {

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

    @BeforeEach
    void data() {
        InvestigationData.load(jdbc);
    }

    @AfterEach
    void noConsoleErrors() {
        browser.assertNoConsoleErrors();
    }

    private static BigDecimal number(String text) {
        return text == null || text.isEmpty() || text.equals("-") ? null : new BigDecimal(text);
    }

    private static void same(String shown, String expected, String what) {
        BigDecimal s = number(shown);
        BigDecimal e = number(expected);
        if (e == null) {
            assertThat(s).as(what).isNull();
        } else {
            assertThat(s).as(what).isNotNull();
            assertThat(s).as(what).isEqualByComparingTo(e);
        }
    }

    @Test
    void theTransitTableAndItsSmallMultiplesShowTheLegsAsSqlSumsThem() {
        browser.open(explorer + "?supplierCountries=MN&recipientCountries=BT&hs=85&source=test-invest&via=NP,BD,IN");
        WebElement panel = browser.awaitPanel("transit");
        assertThat(panel.getAttribute("data-state")).isEqualTo("ready");
        List<String> expected = TransitRoutesTest.expected(jdbc, "via in ('NP', 'BD', 'IN')");
        List<WebElement> rows = browser.findAll("#panel-transit tr.transit-row");
        assertThat(rows).hasSameSizeAs(expected);
        for (int i = 0; i < rows.size(); i++) {
            String[] e = expected.get(i).split("/");
            WebElement r = rows.get(i);
            assertThat(r.getAttribute("data-via")).as("row %d", i).isEqualTo(e[0]);
            same(r.getAttribute("data-origin-to-via-before-eur"), e[1], e[0] + " origin → via before");
            same(r.getAttribute("data-origin-to-via-after-eur"), e[2], e[0] + " origin → via after");
            same(r.getAttribute("data-via-to-destination-before-eur"), e[4], e[0] + " via → destination before");
            same(r.getAttribute("data-via-to-destination-after-eur"), e[5], e[0] + " via → destination after");
        }
        // one small multiple per transit country, in the table's order, with the two legs before and after
        assertThat(browser.findAll("#panel-transit .multiple")).extracting(m -> m.getAttribute("data-via"))
                .containsExactlyElementsOf(expected.stream().map(s -> s.split("/")[0]).toList());
        assertThat(browser.findAll("#panel-transit .multiple .mini-bar")).hasSize(4 * expected.size());
        // India sent nothing on to BT: its missing leg reads "not reported", never 0
        assertThat(browser.find("#panel-transit tr.transit-row[data-via=IN]").getAttribute("textContent")).contains("not reported");
    }

    @Test
    void theTransitFormChangesTheYearsInTheUrl() {
        browser.open(explorer + "?supplierCountries=MN&recipientCountries=BT&hs=85&source=test-invest&via=NP");
        browser.awaitPanel("transit");
        WebElement year = browser.find("#panel-transit input[name=yearBefore]");
        year.clear();
        year.sendKeys("2022");
        browser.find("#panel-transit form.transit-options button").click();
        browser.waiting().until(d -> String.valueOf((Object) browser.script("return location.search")).contains("before=2022"));
        WebElement panel = browser.awaitPanel("transit");
        // MN → NP has no 2022 figure, NP → BT neither (this class's own figures, InvestigationData): the table shows the
        // 2023 legs against nothing
        assertThat(panel.getAttribute("data-state")).isEqualTo("ready");
        List<WebElement> rows = browser.findAll("#panel-transit tr.transit-row");
        assertThat(rows).extracting(r -> r.getAttribute("data-via")).containsExactly("NP");
        WebElement row = rows.get(0);
        assertThat(row.getAttribute("data-origin-to-via-before-eur")).isEmpty();
        same(row.getAttribute("data-origin-to-via-after-eur"), "800.00", "MN → NP 2023");
        assertThat(row.getAttribute("data-via-to-destination-before-eur")).isEmpty();
        same(row.getAttribute("data-via-to-destination-after-eur"), "700.00", "NP → BT 2023");
    }

    @Test
    void theExposureRankingMatchesIndependentSql() {
        browser.open(explorer + "?supplierCountries=MN&recipientCountries=RU&view=exposure");
        WebElement panel = browser.awaitPanel("exposure");
        assertThat(panel.getAttribute("data-state")).isEqualTo("ready");
        String exposed = "s.supplier_country = 'MN' and s.recipient_country = 'RU' and not s.synthetic and s.supplier_id is not null "
                + "and exists (select 1 from sanction x where " + SanctionsExposureTest.IN_FORCE + " and "
                + SanctionsExposureTest.REAL_LISTING + ")";
        List<String> expected = jdbc.list("select supplier_id || '/' || sum(value_eur) from shipment s where " + exposed
                + " group by supplier_id order by sum(value_eur) desc, supplier_id", List.of(), rs -> rs.getString(1));
        assertThat(expected).hasSizeGreaterThanOrEqualTo(2);
        List<WebElement> rows = browser.findAll("#panel-exposure tr.exposure-row");
        assertThat(rows).hasSameSizeAs(expected);
        for (int i = 0; i < rows.size(); i++) {
            String[] e = expected.get(i).split("/");
            assertThat(rows.get(i).getAttribute("data-supplier")).isEqualTo(GlobalId.of("Company", Long.parseLong(e[0])));
            same(rows.get(i).getAttribute("data-exposed-value-eur"), e[1], "supplier " + e[0]);
        }
    }

    @Test
    void theOutlierListMatchesIndependentSqlAndAnEmptyFilterSaysSo() {
        browser.open(explorer + "?supplierCountries=MN&recipientCountries=BT&view=outliers");
        WebElement panel = browser.awaitPanel("outliers");
        assertThat(panel.getAttribute("data-state")).isEqualTo("ready");
        List<String> expected = UnitValueOutliersTest.expected(jdbc, "net_weight_kg", "'kg'", new BigDecimal("3.5")).stream()
                .map(s -> s.split("/")[0]).toList();
        assertThat(expected).isNotEmpty();
        assertThat(browser.findAll("#panel-outliers tr.outlier-row")).extracting(r -> r.getAttribute("data-ref"))
                .containsExactlyElementsOf(expected);

        browser.open(explorer + "?supplierCountries=MN&recipientCountries=BT&from=1999-01-01&to=1999-12-31&view=outliers");
        for (String name : List.of("outliers", "exposure")) {
            WebElement empty = browser.awaitPanel(name);
            assertThat(empty.getAttribute("data-state")).as(name).isEqualTo("empty");
            assertThat(browser.find("#panel-" + name + " .message").getText()).as(name).isNotBlank();
        }
    }

    @Test
    void thePathViewShowsTheChainsToSanctionedRecipientsAsIndependentSqlFindsThem() {
        long a = InvestigationData.companyId(jdbc, "test-path-a");
        browser.open(explorer + "?company=" + GlobalId.of("Company", a) + "&hs=85");
        WebElement panel = browser.awaitPanel("paths");
        List<String> expected = SupplyPathsTest.expected(jdbc, "$.sup = " + a, l -> l + ".rec_listed", 3, 90, "hs4", false, false,
                false);
        assertThat(expected).isNotEmpty();
        assertThat(panel.getAttribute("data-state")).isEqualTo("ready");
        List<String> shown = browser.findAll("#panel-paths li.path").stream().map(p -> new BigDecimal(p.getAttribute("data-value-eur"))
                .setScale(2) + "|" + java.util.Arrays.stream(p.getAttribute("data-companies").split(">"))
                        .map(id -> String.valueOf(GlobalId.dbId(id))).collect(java.util.stream.Collectors.joining(">"))
                + "|" + p.getAttribute("data-dates")).toList();
        assertThat(shown).containsExactlyElementsOf(expected.subList(0, Math.min(10, expected.size())));
    }

    /**
     * The exposure block of supplier One's profile against independent SQL (the sanction rule written out by hand, as
     * in SanctionsExposureTest), for all its shipments, for 2023 alone, and with synthetic rows asked for: the totals,
     * the share, the first and last exposed dates, every authority-year row and every listing's first and last
     * shipment. Its shipments meet a listing by two authorities, a listing that ended, an undated, an unconfirmed and a
     * synthetic one, a shipment on the listing day and one without a EUR value.
     */
    @Test
    void theCompanyProfileShowsItsExposureAsIndependentSqlSumsIt() {
        long s1 = InvestigationData.companyId(jdbc, "test-invest-s1");
        record Case(String params, String scope, boolean synthetic) {
        }
        for (Case c : List.of(
                new Case("", "s.supplier_id = " + s1 + " and not s.synthetic", false),
                new Case("&from=2023-01-01&to=2023-12-31", "s.supplier_id = " + s1 + " and not s.synthetic "
                        + "and s.period_start between date '2023-01-01' and date '2023-12-31'", false),
                new Case("&synthetic=1", "s.supplier_id = " + s1, true))) {
            browser.open(explorer + "?company=" + GlobalId.of("Company", s1) + "&view=company" + c.params());
            WebElement panel = browser.awaitPanel("company");
            assertThat(panel.getAttribute("data-state")).as(c.params()).isEqualTo("ready");
            String listing = SanctionsExposureTest.IN_FORCE + (c.synthetic() ? "" : " and " + SanctionsExposureTest.REAL_LISTING);
            String exposed = c.scope() + " and exists (select 1 from sanction x where " + listing + ")";
            WebElement block = browser.find("#panel-company .profile-block.exposure");
            String totals = jdbc.one("""
                    select coalesce((select sum(value_eur) from shipment s where %1$s)::text, '')
                           || '|' || (select count(*) from shipment s where %1$s)
                           || '|' || coalesce((select sum(value_eur) from shipment s where %2$s)::text, '')
                           || '|' || (select count(*) from shipment s where %2$s)
                           || '|' || coalesce(round((select sum(value_eur) from shipment s where %2$s)
                                  / (select sum(value_eur) from shipment s where %1$s), 6)::text, '')
                           || '|' || coalesce((select min(period_start) from shipment s where %2$s)::text, '')
                           || '|' || coalesce((select max(period_start) from shipment s where %2$s)::text, '')""".formatted(
                    c.scope(), exposed), List.of(), rs -> rs.getString(1)).orElseThrow();
            String[] t = totals.split("\\|", -1);
            same(block.getAttribute("data-value-eur"), t[0], c.params() + " value");
            assertThat(block.getAttribute("data-shipments")).as(c.params()).isEqualTo(t[1]);
            same(block.getAttribute("data-exposed-value-eur"), t[2], c.params() + " exposed value");
            assertThat(block.getAttribute("data-exposed-shipments")).as(c.params()).isEqualTo(t[3]);
            assertThat(Long.parseLong(t[3])).as("the case has exposed shipments").isPositive();
            same(block.getAttribute("data-share"), t[4], c.params() + " share");
            assertThat(block.getAttribute("data-first")).as(c.params()).isEqualTo(t[5]);
            assertThat(block.getAttribute("data-last")).as(c.params()).isEqualTo(t[6]);

            // by authority and year: a shipment counts under each authority whose listing was in force that day
            List<String> years = jdbc.list("""
                    with scope as (select * from shipment s where %2$s),
                         year_total as (select extract(year from period_start)::int as y, sum(value_eur) as v from scope group by 1)
                    select x.authority || '/' || t.y || '/' || coalesce(sum(s.value_eur)::text, '') || '/' || count(*)
                           || '/' || min(s.period_start) || '/' || max(s.period_start) || '/'
                           || coalesce(round(sum(s.value_eur) / max(t.v), 6)::text, '')
                      from scope s join year_total t on t.y = extract(year from s.period_start)::int
                      join lateral (select distinct x.authority from sanction x where %1$s) x on true
                     group by x.authority, t.y order by x.authority::text, t.y""".formatted(listing, c.scope()), List.of(),
                    rs -> rs.getString(1));
            List<WebElement> yearRows = browser.findAll("#panel-company tr.exposure-year");
            assertThat(yearRows).as(c.params()).hasSameSizeAs(years);
            for (int i = 0; i < yearRows.size(); i++) {
                String[] e = years.get(i).split("/", -1);
                WebElement r = yearRows.get(i);
                String what = c.params() + " " + e[0] + " " + e[1];
                assertThat(r.getAttribute("data-authority")).as(what).isEqualTo(e[0]);
                assertThat(r.getAttribute("data-year")).as(what).isEqualTo(e[1]);
                same(r.getAttribute("data-value-eur"), e[2], what + " value");
                assertThat(r.getAttribute("data-shipments")).as(what).isEqualTo(e[3]);
                assertThat(r.getAttribute("data-first")).as(what).isEqualTo(e[4]);
                assertThat(r.getAttribute("data-last")).as(what).isEqualTo(e[5]);
                same(r.getAttribute("data-share"), e[6], what + " share of the year");
            }

            // by listing: the first and the last shipment while it was in force, and the days from the listing to the first
            List<String> listings = jdbc.list("""
                    select s.recipient_id || '/' || x.authority || '/' || x.listed_on || '/' || coalesce(x.ended_on::text, '')
                           || '/' || min(s.period_start) || '/' || max(s.period_start) || '/' || (min(s.period_start) - x.listed_on)
                           || '/' || coalesce(sum(s.value_eur)::text, '') || '/' || count(*)
                      from shipment s join sanction x on %1$s
                     where %2$s group by x.id, s.recipient_id order by 1""".formatted(listing, c.scope()),
                    List.of(), rs -> rs.getString(1));
            List<String> shown = browser.findAll("#panel-company tr.exposure-listing").stream().map(r -> GlobalId.dbId(
                    r.getAttribute("data-recipient")) + "/" + r.getAttribute("data-authority") + "/" + r.getAttribute("data-listed-on")
                    + "/" + r.getAttribute("data-ended-on") + "/" + r.getAttribute("data-first") + "/" + r.getAttribute("data-last")
                    + "/" + r.getAttribute("data-days") + "/" + (r.getAttribute("data-value-eur").isEmpty() ? ""
                            : new BigDecimal(r.getAttribute("data-value-eur")).setScale(2))
                    + "/" + r.getAttribute("data-shipments")).sorted().toList();
            assertThat(shown).as(c.params()).containsExactlyElementsOf(listings);
            assertThat(listings).as("the case meets listings").isNotEmpty();
        }
        browser.screenshot("company-exposure");
    }

    /** A company that shipped nothing to a recipient under a listing in force that day, and one that shipped nothing. */
    @Test
    void aProfileWithoutExposureSaysWhy() {
        // A shipped to B before B's listing and to D, whose listing has no date: nothing counts
        long a = InvestigationData.companyId(jdbc, "test-path-a");
        assertThat(jdbc.count("select count(*) from shipment s where s.supplier_id = ? and not s.synthetic and exists (select 1 "
                + "from sanction x where " + SanctionsExposureTest.IN_FORCE + ")", List.of(a))).isZero();
        long shipped = jdbc.count("select count(*) from shipment s where s.supplier_id = ? and not s.synthetic", List.of(a));
        assertThat(shipped).isPositive();
        browser.open(explorer + "?company=" + GlobalId.of("Company", a) + "&view=company");
        assertThat(browser.awaitPanel("company").getAttribute("data-state")).isEqualTo("ready");
        WebElement block = browser.find("#panel-company .profile-block.exposure");
        assertThat(block.getAttribute("data-shipments")).isEqualTo(String.valueOf(shipped));
        assertThat(block.getAttribute("data-exposed-shipments")).isEqualTo("0");
        assertThat(block.findElement(org.openqa.selenium.By.cssSelector(".exposure-none")).getText())
                .contains("None of the " + shipped + " shipments");
        assertThat(browser.findAll("#panel-company tr.exposure-year, #panel-company tr.exposure-listing")).isEmpty();

        // a recipient that never supplied anyone
        long r1 = InvestigationData.companyId(jdbc, "test-invest-r1");
        browser.open(explorer + "?company=" + GlobalId.of("Company", r1) + "&view=company");
        assertThat(browser.awaitPanel("company").getAttribute("data-state")).isEqualTo("ready");
        assertThat(browser.find("#panel-company .profile-block.exposure .exposure-none").getText())
                .contains("shipped nothing as a supplier");
    }
}
