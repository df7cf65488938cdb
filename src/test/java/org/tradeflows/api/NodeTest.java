package org.tradeflows.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tradeflows.model.GlobalId;
import org.tradeflows.support.GraphQL;

/** Every Node type: an id taken from a list resolves again through node(id:) to the same object. */
@QuarkusTest
class NodeTest {

    @ParameterizedTest
    @CsvSource({
            "countries, Country",
            "productCategories, ProductCategory",
            "companies, Company",
            "sanctions, Sanction",
            "sources, Source",
            "findings, Finding",
            "tradeVolumes, TradeVolume"})
    void idsRoundTripThroughNode(String connection, String type) {
        JsonPath list = GraphQL.data("{ " + connection + "(first: 3) { edges { node { id __typename } } } }");
        for (String id : list.getList("data." + connection + ".edges.node.id", String.class)) {
            JsonPath node = GraphQL.data("query($id: ID!) { node(id: $id) { id __typename } }", Map.of("id", id));
            assertThat(node.getString("data.node.id")).isEqualTo(id);
            assertThat(node.getString("data.node.__typename")).isEqualTo(type);
        }
    }

    @Test
    void topicsAndReleasesAreNodesToo() {
        JsonPath r = GraphQL.data("{ topics { id } dataReleases { id kind } }");
        for (String id : r.getList("data.topics.id", String.class)) {
            assertThat(GraphQL.data("query($id: ID!) { node(id: $id) { __typename } }", Map.of("id", id))
                    .getString("data.node.__typename")).isEqualTo("Topic");
        }
        for (String id : r.getList("data.dataReleases.id", String.class)) {
            assertThat(GraphQL.data("query($id: ID!) { node(id: $id) { ... on DataRelease { id kind } } }", Map.of("id", id))
                    .getString("data.node.id")).isEqualTo(id);
        }
    }

    @Test
    void unknownAndMalformedIdsAreCodedErrors() {
        String unknown = GlobalId.of("Company", 999_999_999);
        JsonPath missing = GraphQL.post("query($id: ID!) { node(id: $id) { id } }", Map.of("id", unknown));
        assertThat(missing.getString("errors[0].extensions.code")).isEqualTo("NOT_FOUND");
        assertThat(missing.getString("data.node")).isNull();
        JsonPath garbage = GraphQL.post("{ node(id: \"%%%\") { id } }");
        assertThat(garbage.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        JsonPath wrongType = GraphQL.post("query($id: ID!) { company(id: $id) { id } }",
                Map.of("id", GlobalId.of("Country", "CN")));
        assertThat(wrongType.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(wrongType.getString("errors[0].message")).contains("Country");
    }
}
