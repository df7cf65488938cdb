package org.tradeflows.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeflows.support.GraphQL;

/** Walks whole connections page by page: every item exactly once, in order, with consistent pageInfo. */
@QuarkusTest
class PaginationTest {

    private static List<String> walk(String field, String args, String key, int pageSize) {
        String query = "query($after: String) { " + field + "(" + args + " first: " + pageSize + ", after: $after) {"
                + " totalCount edges { cursor node { " + key + " } } pageInfo { hasNextPage hasPreviousPage endCursor } } }";
        List<String> seen = new ArrayList<>();
        String after = null;
        int total = -1;
        for (int pages = 0; pages < 10_000; pages++) {
            Map<String, Object> vars = new java.util.HashMap<>();
            vars.put("after", after);
            JsonPath r = GraphQL.data(query, vars);
            total = r.getInt("data." + field + ".totalCount");
            List<String> keys = r.getList("data." + field + ".edges.node." + key, String.class);
            assertThat(keys.size()).isLessThanOrEqualTo(pageSize);
            assertThat(r.getBoolean("data." + field + ".pageInfo.hasPreviousPage")).isEqualTo(after != null);
            seen.addAll(keys);
            if (!r.getBoolean("data." + field + ".pageInfo.hasNextPage")) {
                break;
            }
            after = r.getString("data." + field + ".pageInfo.endCursor");
            assertThat(after).isEqualTo(r.getList("data." + field + ".edges.cursor", String.class).get(keys.size() - 1));
        }
        assertThat(seen).hasSize(total);
        assertThat(new HashSet<>(seen)).hasSize(total);
        return seen;
    }

    @Test
    void theWholeHsTreePagesWithoutSkipsOrRepeats() {
        List<String> codes = walk("productCategories", "", "code", 100);
        assertThat(codes).hasSize(21 + 97 + 1229 + 5613);
        assertThat(codes).isSortedAccordingTo(String::compareTo);
    }

    @Test
    void countriesPageInOddSizes() {
        assertThat(walk("countries", "", "code", 7)).hasSize(249).isSorted();
    }

    @Test
    void companiesPageByNameWithTies() {
        List<String> ids = walk("companies", "", "id", 2);
        assertThat(ids).hasSizeGreaterThanOrEqualTo(19);
    }

    @Test
    void findingsSourcesSanctionsAndTradeVolumesPage() {
        assertThat(walk("findings", "", "key", 3)).contains("direct-supplies-to-sanctioned-firms");
        assertThat(walk("sources", "", "key", 4)).contains("telegraph-2025-09-03");
        assertThat(walk("sanctions", "", "id", 3)).hasSizeGreaterThanOrEqualTo(8);
        assertThat(walk("tradeVolumes", "", "id", 4)).hasSizeGreaterThanOrEqualTo(11);
    }

    @Test
    void anEmptyPageStillCountsAndPointsNowhere() {
        JsonPath r = GraphQL.data("{ countries(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }");
        assertThat(r.getList("data.countries.edges")).isEmpty();
        assertThat(r.getBoolean("data.countries.pageInfo.hasNextPage")).isTrue();
        assertThat(r.getString("data.countries.pageInfo.endCursor")).isNull();
    }

    @Test
    void pageSizeAndCursorsAreChecked() {
        JsonPath tooMany = GraphQL.post("{ countries(first: 101) { totalCount } }");
        assertThat(tooMany.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(tooMany.getString("errors[0].message")).contains("first").contains("100");
        JsonPath negative = GraphQL.post("{ countries(first: -1) { totalCount } }");
        assertThat(negative.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        JsonPath badCursor = GraphQL.post("{ companies(after: \"not-a-cursor\") { totalCount } }");
        assertThat(badCursor.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(badCursor.getString("errors[0].message")).startsWith("after:");
    }
}
