package org.tradeflows.api.engine;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.GraphQLWs;
import org.tradeflows.support.Keys;

/** tradeflows.graphql.persisted.only=true: a query that is not registered is refused, by text or by hash; a registered one runs. */
@QuarkusTest
@TestProfile(AllowListProfile.class)
class AllowListTest {

    @Test
    void onlyRegisteredDocumentsRun() throws Exception {
        String unregistered = "query NotListed { currentRelease { key } } # " + System.nanoTime();
        String hash = PersistedQueriesTest.sha256(unregistered);

        // by text, by text with its hash, by GET: refused, with what to do
        JsonPath byText = GraphQL.postAs(null, unregistered, null);
        assertThat(byText.getString("errors[0].extensions.code")).isEqualTo("PERSISTED_QUERY_NOT_ALLOWED");
        assertThat(byText.getString("errors[0].message")).contains("registered").contains(hash);
        assertThat(byText.getString("data")).isNull();
        JsonPath withHash = PersistedQueriesTest.post(unregistered, null, PersistedQueriesTest.persisted(hash), null).jsonPath();
        assertThat(withHash.getString("errors[0].extensions.code")).isEqualTo("PERSISTED_QUERY_NOT_ALLOWED");
        JsonPath byGet = given().accept(ContentType.JSON).queryParam("query", unregistered).when().get("/graphql")
                .then().extract().jsonPath();
        assertThat(byGet.getString("errors[0].extensions.code")).isEqualTo("PERSISTED_QUERY_NOT_ALLOWED");
        // the text sent with its hash registered nothing: the hash alone is still unknown
        JsonPath hashAlone = PersistedQueriesTest.post(null, null, PersistedQueriesTest.persisted(hash), null).jsonPath();
        assertThat(hashAlone.getString("errors[0].extensions.code")).isEqualTo("PERSISTED_QUERY_NOT_FOUND");

        // a registered example runs by text, by hash (POST and GET)
        String example = GraphQL.exampleQuery("story-1-national-total");
        Map<String, Object> vars = GraphQL.exampleVariables("story-1-national-total");
        JsonPath run = GraphQL.postAs(null, example, vars);
        assertThat(run.getList("errors")).isNull();
        assertThat(run.getMap("data")).isNotEmpty();
        String exampleHash = PersistedQueriesTest.sha256(example);
        JsonPath runByHash = PersistedQueriesTest.post(null, vars, PersistedQueriesTest.persisted(exampleHash), null).jsonPath();
        assertThat(runByHash.getList("errors")).isNull();
        assertThat(PersistedQueriesTest.get(PersistedQueriesTest.persisted(exampleHash), vars, null).jsonPath().getList("errors"))
                .isNull();

        // mutations are not on the list (each needs its key): an admin registers the document, which then runs
        JsonPath registered = GraphQL.dataAs(Keys.ADMIN, "mutation($d: String!) { registerPersistedQuery(document: $d) "
                + "{ sha256Hash } }", Map.of("d", unregistered));
        assertThat(registered.getString("data.registerPersistedQuery.sha256Hash")).isEqualTo(hash);
        JsonPath nowListed = PersistedQueriesTest.post(null, null, PersistedQueriesTest.persisted(hash), null).jsonPath();
        assertThat(nowListed.getList("errors")).isNull();
        assertThat(nowListed.getString("data.currentRelease.key")).isNotBlank();
        assertThat(GraphQL.postAs(null, unregistered, null).getList("errors")).isNull();
    }

    @jakarta.inject.Inject
    io.vertx.core.Vertx vertx;
    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL server;

    /** A subscription is a document like any other: over a WebSocket too, only a registered one runs. */
    @Test
    void aSubscriptionOverAWebSocketMeetsTheAllowList() throws Exception {
        String unregistered = "subscription NotListed { releasePublished { sequence } } # " + System.nanoTime();
        try (GraphQLWs ws = GraphQLWs.connect(vertx, server.getPort(), Map.of())) {
            ws.subscribe("s", unregistered, null);
            com.fasterxml.jackson.databind.JsonNode refused = ws.next("s", java.time.Duration.ofSeconds(30));
            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.at("/payload/0/extensions/code").asText()).isEqualTo("PERSISTED_QUERY_NOT_ALLOWED");
            assertThat(refused.at("/payload/0/message").asText()).contains(PersistedQueriesTest.sha256(unregistered));
        }
    }
}
