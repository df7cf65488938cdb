package org.tradeflows.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradeflows.support.GraphQL;

@QuarkusTest
class LookupExamplesTest {

    @Test
    void theFoundationQueriesWorkExactlyAsWritten() {
        JsonPath r = GraphQL.example("lookups");
        assertThat(r.getString("data.country.code")).isEqualTo("CN");
        assertThat(r.getString("data.country.name")).isEqualTo("China");
        assertThat(r.getString("data.productCategory.code")).isEqualTo("8806");
        assertThat(r.getString("data.productCategory.description")).isEqualTo("Unmanned aircraft");
        assertThat(r.getString("data.productCategory.parent.code")).isEqualTo("88");
        assertThat(r.getList("data.productCategory.children.code", String.class))
                .hasSize(11).allMatch(c -> c.startsWith("8806") && c.length() == 6).isSorted();
        assertThat(r.getInt("data.companies.totalCount")).isEqualTo(1);
        assertThat(r.getString("data.companies.edges[0].node.name")).isEqualTo("Ural Civil Aviation Plant");
        assertThat(r.getString("data.companies.edges[0].node.country.code")).isEqualTo("RU");
        assertThat(r.getString("data.companies.edges[0].cursor")).isNotBlank();
        assertThat(r.getBoolean("data.companies.pageInfo.hasNextPage")).isFalse();
        assertThat(r.getString("data.companies.pageInfo.endCursor")).isEqualTo(r.getString("data.companies.edges[0].cursor"));
    }

    @Test
    void companySearchCoversAliasesAndIgnoresCaseAndPunctuation() {
        List<String> byAlias = GraphQL.data("{ companies(filter: {search: \"uzga\"}) { edges { node { name } } } }")
                .getList("data.companies.edges.node.name", String.class);
        assertThat(byAlias).containsExactly("Ural Civil Aviation Plant");
        List<String> punctuated = GraphQL.data("{ companies(filter: {search: \"bin au\"}) { edges { node { name } } } }")
                .getList("data.companies.edges.node.name", String.class);
        assertThat(punctuated).containsExactly("Harbin Bin-Au Technology");
    }

    @Test
    void countryLooksUpByAlpha3AndNamibiaSurvivesCsvParsing() {
        JsonPath r = GraphQL.data("{ a: country(code: \"rus\") { code alpha3 numericCode } na: country(code: \"NA\") { code name } }");
        assertThat(r.getString("data.a.code")).isEqualTo("RU");
        assertThat(r.getInt("data.a.numericCode")).isEqualTo(643);
        assertThat(r.getString("data.na.name")).isEqualTo("Namibia");
    }

    @Test
    void nationalCodesRollUpToTheirSubheadingAndAncestorsRunFromTheSection() {
        JsonPath r = GraphQL.data("{ productCategory(code: \"8407.10.00\") { code level ancestors { code level } section { code } } }");
        assertThat(r.getString("data.productCategory.code")).isEqualTo("840710");
        assertThat(r.getList("data.productCategory.ancestors.code", String.class)).containsExactly("XVI", "84", "8407");
        assertThat(r.getString("data.productCategory.section.code")).isEqualTo("XVI");
    }
}
