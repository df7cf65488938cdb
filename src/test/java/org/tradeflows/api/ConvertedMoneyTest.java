package org.tradeflows.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeflows.support.EcbCsv;
import org.tradeflows.support.GraphQL;

/**
 * Issue 21 item 5: a figure Tradeflows converted says so and names the rate (currency, units per EUR, kind, period,
 * source); the rate is compared with the mean computed here from the shipped ECB file.
 */
@QuarkusTest
class ConvertedMoneyTest {

    static final BigDecimal USD_2024 = EcbCsv.yearMean("USD", 2024).orElseThrow();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> gacTotal(JsonPath r) {
        List<Map<String, Object>> rows = r.getList("data.tradeVolumes.edges.node");
        return rows.stream().filter(n -> "TOTAL".equals(n.get("flow"))
                && "USD".equals(((Map<?, ?>) n.get("value")).get("currency"))).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void chinasCustomsUsdFigureIsShownAsConvertedAtTheEcbAnnualAverage() {
        JsonPath r = GraphQL.example("story-1-national-total");
        Map<String, Object> gac = gacTotal(r);
        Map<String, Object> published = (Map<String, Object>) gac.get("value");
        assertThat(published.get("converted")).isNull(); // not asked for in the example's `value`
        Map<String, Object> eur = (Map<String, Object>) gac.get("valueInEur");
        BigDecimal usd = new BigDecimal(String.valueOf(published.get("amount")));
        assertThat(new BigDecimal(String.valueOf(eur.get("amount"))))
                .isEqualByComparingTo(usd.divide(USD_2024, 2, RoundingMode.HALF_UP));
        assertThat(eur.get("converted")).isEqualTo(true);
        assertThat(eur.get("qualifier")).as("the precision of the published figure is kept").isEqualTo("EXACT");
        assertThat((String) eur.get("text")).startsWith("EUR 226.").endsWith(", converted from USD");
        List<Map<String, Object>> conversions = (List<Map<String, Object>>) eur.get("conversions");
        assertThat(conversions).hasSize(1);
        Map<String, Object> c = conversions.get(0);
        assertThat(c.get("from")).isEqualTo("USD");
        assertThat(new BigDecimal(String.valueOf(c.get("unitsPerEur")))).isEqualByComparingTo(USD_2024);
        assertThat(c.get("periodKind")).isEqualTo("YEAR");
        assertThat(c.get("period")).isEqualTo("2024");
        assertThat((String) c.get("text")).startsWith("2024 annual average, 1.08").endsWith(" USD per EUR");
        assertThat(((Map<String, Object>) c.get("source")).get("publisher")).isEqualTo("European Central Bank");
        assertThat((String) ((Map<String, Object>) c.get("source")).get("citation"))
                .startsWith("Source: European Central Bank, euro foreign exchange reference rates");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFigurePublishedInEurIsNotConverted() {
        JsonPath r = GraphQL.example("story-1-national-total");
        List<Map<String, Object>> rows = r.getList("data.tradeVolumes.edges.node");
        Map<String, Object> article = rows.stream()
                .filter(n -> "seed-article".equals(((Map<?, ?>) n.get("source")).get("key"))).findFirst().orElseThrow();
        Map<String, Object> eur = (Map<String, Object>) article.get("valueInEur");
        assertThat(eur.get("converted")).isEqualTo(false);
        assertThat((List<?>) eur.get("conversions")).isEmpty();
        assertThat(eur.get("text")).isEqualTo("EUR 246 billion");
    }

    @Test
    void aSumOfConvertedFiguresSaysSoAndListsItsRates() {
        JsonPath r = GraphQL.data("""
                { tradeVolumeFlows(filter: {reporters: ["CN"], partners: ["RU"], yearFrom: 2022, yearTo: 2024, allGoods: true,
                                            flows: [TOTAL]}, groupBy: [YEAR], first: 100) {
                    edges { node { year source { key } value { amount converted qualifier text
                        conversions { from unitsPerEur periodKind period } } } } } }""");
        List<Map<String, Object>> groups = r.getList("data.tradeVolumeFlows.edges.node");
        List<Map<String, Object>> gac2024 = groups.stream().filter(g -> Integer.valueOf(2024).equals(g.get("year"))
                && String.valueOf(((Map<?, ?>) g.get("source")).get("key")).startsWith("gac-")).toList();
        assertThat(gac2024).isNotEmpty();
        for (Map<String, Object> g : gac2024) {
            Map<?, ?> value = (Map<?, ?>) g.get("value");
            assertThat(value.get("converted")).isEqualTo(true);
            List<?> conversions = (List<?>) value.get("conversions");
            assertThat(conversions).hasSize(1); // one source, one year, one currency: one rate
            Map<?, ?> c = (Map<?, ?>) conversions.get(0);
            String from = String.valueOf(c.get("from"));
            assertThat(from).isIn("USD", "CNY"); // GAC's figures as quoted in dollars and in yuan
            assertThat((String) value.get("text")).endsWith(", converted from " + from);
            assertThat(c.get("periodKind")).isEqualTo("YEAR");
            assertThat(c.get("period")).isEqualTo("2024");
            assertThat(new BigDecimal(String.valueOf(c.get("unitsPerEur"))))
                    .isEqualByComparingTo(EcbCsv.yearMean(from, 2024).orElseThrow());
        }
        // every group whose figures were in another currency says it was converted
        assertThat(groups).allSatisfy(g -> {
            Map<?, ?> value = (Map<?, ?>) g.get("value");
            if (value != null && String.valueOf(((Map<?, ?>) g.get("source")).get("key")).startsWith("gac-")) {
                assertThat(value.get("converted")).isEqualTo(true);
            }
        });
    }
}
