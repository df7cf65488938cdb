package org.tradeflows.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tradeflows.support.EcbCsv;
import org.tradeflows.support.GraphQL;

/** The story of DESIGN.md, step by step, through the committed example queries. */
@QuarkusTest
class StoryExamplesTest {

    static Stream<String> examples() throws java.io.IOException {
        try (Stream<java.nio.file.Path> files = Files.list(GraphQL.EXAMPLES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".graphql"))
                    .map(n -> n.substring(0, n.length() - ".graphql".length())).sorted().toList().stream();
        }
    }

    @Test
    void theExamplesIndexListsEveryCommittedExample() throws java.io.IOException {
        List<String> index = Files.readAllLines(GraphQL.EXAMPLES.resolve("INDEX")).stream().map(String::trim)
                .filter(l -> !l.isEmpty()).toList();
        assertThat(index).containsExactlyInAnyOrderElementsOf(examples().toList());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyCommittedExampleRunsWithoutErrors(String name) {
        JsonPath r = GraphQL.example(name);
        assertThat(r.getMap("data")).isNotEmpty();
    }

    @Test
    void step1ShowsTheArticlesFigureBesideChinasCustomsWithoutAddingThem() {
        JsonPath r = GraphQL.example("story-1-national-total");
        List<Map<String, Object>> rows = r.getList("data.tradeVolumes.edges.node");
        Map<String, Object> article = rows.stream().filter(n -> "seed-article".equals(((Map<?, ?>) n.get("source")).get("key")))
                .findFirst().orElseThrow();
        assertThat(((Map<?, ?>) article.get("value")).get("text")).isEqualTo("EUR 246 billion");
        Map<String, Object> gacTotal = rows.stream().filter(n -> "TOTAL".equals(n.get("flow"))
                && "USD".equals(((Map<?, ?>) n.get("value")).get("currency"))).findFirst().orElseThrow();
        BigDecimal usd = new BigDecimal(String.valueOf(((Map<?, ?>) gacTotal.get("value")).get("amount")));
        assertThat(usd).isEqualByComparingTo("244810000000");
        // normalised with the ECB 2024 annual average, computed here independently from the shipped ECB file
        BigDecimal usdPerEur2024 = EcbCsv.yearMean("USD", 2024).orElseThrow();
        assertThat(usdPerEur2024).isBetween(new BigDecimal("1.08"), new BigDecimal("1.09"));
        assertThat(new BigDecimal(String.valueOf(gacTotal.get("valueEur"))))
                .isEqualByComparingTo(usd.divide(usdPerEur2024, 2, RoundingMode.HALF_UP));
        assertThat(((Map<?, ?>) gacTotal.get("source")).get("url")).asString().startsWith("https://bne.eu/");
        assertThat(r.getString("data.finding.value.qualifier")).isEqualTo("EXACT");
    }

    @Test
    void step2GivesTheFloorFigureTheSupplierCountAndTheSanctionedRecipients() {
        JsonPath r = GraphQL.example("story-2-sanctioned-supplies");
        assertThat(r.getString("data.finding.value.text")).isEqualTo("at least EUR 55 million");
        assertThat(r.getInt("data.finding.count.value")).isEqualTo(97);
        assertThat(r.getString("data.finding.period.label")).isEqualTo("2023–2024");
        assertThat(r.getString("data.finding.sameClaimAs[0].value.text")).isEqualTo("at least GBP 47 million");
        assertThat(r.getList("data.finding.sameClaimAs[0].otherAmounts.text", String.class))
                .containsExactlyInAnyOrder("about EUR 55 million", "about USD 63 million");
        assertThat(r.getList("data.finding.parts.key", String.class)).containsExactly("alabuga-shahed-supplies");
        assertThat(r.getList("data.companies.edges.node.name", String.class)).contains("Ural Civil Aviation Plant",
                "Joint Stock Company Special Economic Zone of Industrial Production Alabuga");
    }

    @Test
    void step3IsPartOfStep2AndNamesTheSanctionedZoneOperator() {
        JsonPath r = GraphQL.example("story-3-alabuga");
        assertThat(r.getString("data.finding.value.text")).isEqualTo("EUR 12.5 million");
        assertThat(r.getString("data.finding.partOf.key")).isEqualTo("direct-supplies-to-sanctioned-firms");
        assertThat(r.getList("data.companies.edges.node.name", String.class)).contains("Drake LLC");
        List<Map<String, Object>> zone = r.getList("data.companies.edges.node");
        Map<String, Object> operator = zone.stream().filter(c -> String.valueOf(c.get("name")).startsWith("Joint Stock"))
                .findFirst().orElseThrow();
        assertThat(operator.get("sanctioned")).isEqualTo(true);
    }

    @Test
    void step4ListsTheSingleFlowsWithTheirCompaniesAndPrecision() {
        JsonPath r = GraphQL.example("story-4-single-flows");
        List<Map<String, Object>> flows = r.getList("data.findings.edges.node");
        Map<String, Object> ningbo = flows.stream().filter(f -> "ningbo-peak-cloud-uzga-engines".equals(f.get("key")))
                .findFirst().orElseThrow();
        assertThat(((Map<?, ?>) ningbo.get("value")).get("text")).isEqualTo("EUR 3.5 million");
        assertThat(((Map<?, ?>) ningbo.get("period")).get("label")).isEqualTo("three months of 2023");
        assertThat(String.valueOf(ningbo.get("companies"))).contains("Ningbo Peak Cloud Import and Export")
                .contains("Ural Civil Aviation Plant");
        Map<String, Object> mile = flows.stream().filter(f -> "mile-hao-xiang-gerbera-engines".equals(f.get("key")))
                .findFirst().orElseThrow();
        assertThat(((Map<?, ?>) mile.get("value")).get("text")).isEqualTo("more than EUR 1.5 million");
        assertThat(mile.get("throughIntermediaries")).isEqualTo(true);
        assertThat(String.valueOf(mile.get("companies"))).contains("Sequoia JSC").contains("Unikom LLC");
    }

    @Test
    void step5MapsTheGoodsToHsCodesAndTheChpl() {
        JsonPath r = GraphQL.example("story-5-products");
        List<Map<String, Object>> products = r.getList("data.topic.products.category");
        Map<String, Object> chips = products.stream().filter(p -> "8542".equals(p.get("code"))).findFirst().orElseThrow();
        assertThat(String.valueOf(chips.get("chplListed"))).contains("854231").contains("TIER_1");
        Map<String, Object> uavParts = products.stream().filter(p -> "880730".equals(p.get("code"))).findFirst().orElseThrow();
        assertThat(uavParts.get("chplTier")).isEqualTo("TIER_3B");
        Map<String, Object> engines = products.stream().filter(p -> "840710".equals(p.get("code"))).findFirst().orElseThrow();
        assertThat(engines.get("chplTier")).isNull();
        assertThat(r.getList("data.finding.goods", String.class)).containsExactly("aircraft engines", "microchips",
                "metal alloys", "fiberglass", "optics", "carbon fibers");
    }
}
