package org.tradeflows.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradeflows.support.GraphQL;

@QuarkusTest
class ReferenceDataTest {

    private static int count(String filter) {
        return GraphQL.data("{ productCategories(filter: " + filter + ", first: 0) { totalCount } }")
                .getInt("data.productCategories.totalCount");
    }

    @Test
    void theWholeHs2022TreeIsLoaded() {
        assertThat(count("{levels: [SECTION]}")).isEqualTo(21);
        assertThat(count("{levels: [CHAPTER]}")).isEqualTo(97);
        assertThat(count("{levels: [HEADING]}")).isEqualTo(1229);
        assertThat(count("{levels: [SUBHEADING]}")).isEqualTo(5613);
    }

    @Test
    void allIsoCountriesAreLoaded() {
        assertThat(GraphQL.data("{ countries(first: 0) { totalCount } }").getInt("data.countries.totalCount")).isEqualTo(249);
    }

    @Test
    void theFiftyChplCodesCarryTheirTiers() {
        assertThat(count("{chplTiers: [TIER_1, TIER_2, TIER_3A, TIER_3B, TIER_4A, TIER_4B]}")).isEqualTo(50);
        assertThat(count("{chplTiers: [TIER_1]}")).isEqualTo(4);
        JsonPath r = GraphQL.data("{ productCategory(code: \"854231\") { chplTier } h: productCategory(code: \"8542\") { chplTier chplListed { code } } }");
        assertThat(r.getString("data.productCategory.chplTier")).isEqualTo("TIER_1");
        assertThat(r.getString("data.h.chplTier")).isNull();
        assertThat(r.getList("data.h.chplListed.code", String.class)).containsExactly("854231", "854232", "854233", "854239");
    }

    @Test
    void theDroneComponentsTopicCoversTheStorysGoods() {
        List<String> codes = GraphQL.data("{ topic(key: \"drone-components\") { products { product { code } } } }")
                .getList("data.topic.products.product.code", String.class);
        assertThat(codes).contains("840710", "8411", "6815", "7019", "8542", "9013", "880730");
    }

    @Test
    void searchFindsCategoriesByCodePrefixAndByWords() {
        JsonPath r = GraphQL.data("{ p: productCategories(filter: {codePrefix: \"8807\"}) { edges { node { code } } }"
                + " w: productCategories(filter: {search: \"carbon fibres\", levels: [SUBHEADING]}) { edges { node { code } } } }");
        assertThat(r.getList("data.p.edges.node.code", String.class)).first().isEqualTo("8807");
        assertThat(r.getList("data.p.edges.node.code", String.class)).allMatch(c -> c.startsWith("8807"));
        assertThat(r.getList("data.w.edges.node.code", String.class)).contains("681511");
    }
}
