package org.tradeflows.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tradeflows.support.GraphQL;

/** Each figure of the article and of the further reported facts, with the precision and source they were given. */
@QuarkusTest
class StoryFindingsTest {

    private static final String QUERY = """
            query($key: String!) { finding(key: $key) {
              value { amount currency qualifier text } count { value unit qualifier }
              period { start end label } confirmed citation source { key } } }""";

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            // key, amount, currency, qualifier, count, count qualifier, start, end, label, source
            "china-russia-trade-2024, 246000000000, EUR, EXACT, -, -, 2024-01-01, 2024-12-31, 2024, seed-article",
            "direct-supplies-to-sanctioned-firms, 55000000, EUR, AT_LEAST, 97, EXACT, 2023-01-01, 2024-12-31, 2023–2024, seed-article",
            "alabuga-shahed-supplies, 12500000, EUR, EXACT, -, -, 2023-01-01, 2024-12-31, 2023–2024, seed-article",
            "ningbo-peak-cloud-uzga-engines, 3500000, EUR, EXACT, -, -, 2023-01-01, 2023-12-31, three months of 2023, seed-article",
            "mile-hao-xiang-gerbera-engines, 1500000, EUR, MORE_THAN, -, -, 2022-01-01, 2023-12-31, 2022–2023, seed-article",
            "russian-firms-using-chinese-components, -, -, -, 5, AT_LEAST, -, -, -, seed-article",
            "harpy-production-h1-2024, -, -, -, 2000, MORE_THAN, 2024-01-01, 2024-06-30, first half of 2024, seed-article",
            "telegraph-direct-supplies, 47000000, GBP, AT_LEAST, 97, EXACT, 2023-01-01, 2024-12-31, 2023–2024, telegraph-2025-09-03",
            "telegraph-alabuga-shahed, 10700000, GBP, EXACT, -, -, 2023-01-01, 2024-12-31, 2023–2024, telegraph-2025-09-03",
            "drake-engines, 860000, GBP, AT_LEAST, -, -, -, -, -, telegraph-2025-09-03",
            "telegraph-ningbo-peak-cloud-uzga, 3000000, GBP, EXACT, -, -, 2023-01-01, 2023-12-31, three months of 2023, telegraph-2025-09-03"})
    void findingCarriesItsFigurePrecisionAndSource(String key, BigDecimal amount, String currency, String qualifier,
            Integer count, String countQualifier, String start, String end, String label, String source) {
        JsonPath r = GraphQL.data(QUERY, Map.of("key", key));
        if (amount == null) {
            assertThat(r.getMap("data.finding.value")).isNull();
        } else {
            assertThat(new BigDecimal(r.getString("data.finding.value.amount"))).isEqualByComparingTo(amount);
            assertThat(r.getString("data.finding.value.currency")).isEqualTo(currency);
            assertThat(r.getString("data.finding.value.qualifier")).isEqualTo(qualifier);
        }
        if (count == null) {
            assertThat(r.getMap("data.finding.count")).isNull();
        } else {
            assertThat(r.getInt("data.finding.count.value")).isEqualTo(count);
            assertThat(r.getString("data.finding.count.qualifier")).isEqualTo(countQualifier);
        }
        assertThat(r.getString("data.finding.period.start")).isEqualTo(start);
        assertThat(r.getString("data.finding.period.end")).isEqualTo(end);
        assertThat(r.getString("data.finding.period.label")).isEqualTo(label);
        assertThat(r.getString("data.finding.source.key")).isEqualTo(source);
        assertThat(r.getString("data.finding.citation")).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "alabuga-shahed-supplies, direct-supplies-to-sanctioned-firms",
            "telegraph-alabuga-shahed, telegraph-direct-supplies"})
    void partsPointToTheirWholeAndAreNeverAddedToIt(String part, String whole) {
        JsonPath r = GraphQL.data("query($k: String!) { finding(key: $k) { partOf { key parts { key } } } }", Map.of("k", part));
        assertThat(r.getString("data.finding.partOf.key")).isEqualTo(whole);
        assertThat(r.getList("data.finding.partOf.parts.key", String.class)).containsExactly(part);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"mile-hao-xiang-gerbera-engines", "harpy-production-h1-2024"})
    void figuresFoundInOneSourceOnlyAreUnconfirmed(String key) {
        assertThat(GraphQL.data(QUERY, Map.of("key", key)).getBoolean("data.finding.confirmed")).isFalse();
    }
}
