package org.tradeflows.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cases of the GraphQL-over-HTTP server audit (graphql/graphql-http), sent over real HTTP: the media type of the
 * answer for each Accept, 4xx for a POST without a content type, and the status of every kind of request error in
 * each media type (200 with errors in application/json; 400 and no data in application/graphql-response+json).
 */
@QuarkusTest
class GraphQLOverHttpAuditTest {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String TYPENAME = "{\"query\": \"{ __typename }\"}";

    /** The request errors the audit sends: JSON that does not parse, parameters that are wrong, documents that fail. */
    private static final List<String> REQUEST_ERRORS = List.of(
            "{\"qeury\": \"{ __typename }\"}",
            "{\"query\": {\"obj\": \"ect\"}}", "{\"query\": 0}", "{\"query\": false}", "{\"query\": [\"array\"]}",
            "{\"query\": \"{ __typename }\", \"operationName\": 0}",
            "{\"query\": \"{ __typename }\", \"variables\": \"string\"}",
            "{\"query\": \"{ __typename }\", \"variables\": [\"array\"]}",
            "{\"query\": \"{ __typename }\", \"extensions\": false}",
            "{\"query\": \"{\"}",
            "{\"query\": \"{ f8f31403dfe404bccbb0e835f2629c6a7 }\"}",
            "{\"query\": \"query($n: Int!) { companies(first: $n) { totalCount } }\", \"variables\": {\"n\": \"ten\"}}",
            "{\"query\": \"query($n: Int!) { companies(first: $n) { totalCount } }\"}");

    private static RequestSpecification json(String accept) {
        RequestSpecification r = given().contentType("application/json");
        return accept == null ? r.noFilters() : r.accept(accept);
    }

    @Test
    void theAnswerTypeFollowsAccept() {
        Response graphqlResponse = json(GRAPHQL_RESPONSE).body(TYPENAME).when().post("/graphql");
        assertThat(graphqlResponse.statusCode()).isEqualTo(200);
        assertThat(graphqlResponse.contentType()).startsWith(GRAPHQL_RESPONSE);

        Response plain = json("application/json").body(TYPENAME).when().post("/graphql");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.contentType()).startsWith("application/json");

        Response any = json("*/*").body(TYPENAME).when().post("/graphql");
        assertThat(any.statusCode()).isEqualTo(200);
        assertThat(any.contentType()).startsWith("application/json");

        // REST Assured sends Accept: */* unless told otherwise: remove it to send none at all
        Response none = given().contentType("application/json").header("Accept", "").body(TYPENAME).when().post("/graphql");
        assertThat(none.contentType()).startsWith("application/json");
        Response getNone = given().header("Accept", "").queryParam("query", "{ __typename }").when().get("/graphql");
        assertThat(getNone.statusCode()).isEqualTo(200);
        assertThat(getNone.contentType()).startsWith("application/json");
        assertThat(getNone.asString()).contains("\"data\"");
    }

    @Test
    void aPostWithoutContentTypeIsRefusedWith4xx() {
        Response bare = given().noContentType().when().post("/graphql");
        assertThat(bare.statusCode()).isBetween(400, 499);
        assertThat(bare.jsonPath().getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        assertThat(bare.jsonPath().getString("errors[0].message")).startsWith("Content-Type: ");
    }

    /** What a browser's fetch sends for a string body with no header set: text/plain, refused rather than guessed. */
    @Test
    void aPostOfAnotherMediaTypeIsRefusedWith415() {
        for (String type : List.of("text/plain;charset=UTF-8", "application/xml", "Text/Plain")) {
            Response r = given().contentType(type).body(TYPENAME.getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().post("/graphql");
            assertThat(r.statusCode()).as(type).isEqualTo(415);
            assertThat(r.jsonPath().getString("errors[0].extensions.code")).as(type).isEqualTo("BAD_REQUEST");
            assertThat(r.jsonPath().getString("errors[0].message")).as(type)
                    .startsWith("Content-Type: " + type.split(";")[0].trim() + " is not taken").contains("application/json");
        }
    }

    /** A body that is not JSON at all is a 400 whatever the client accepts (the audit's SHOULD for application/json). */
    @Test
    void aBodyThatIsNotJsonIs400InEitherMediaType() {
        for (String accept : List.of("application/json", GRAPHQL_RESPONSE)) {
            Response r = json(accept).body("{ \"not a JSON").when().post("/graphql");
            assertThat(r.statusCode()).as(accept).isEqualTo(400);
            assertThat(r.contentType()).as(accept).startsWith(accept);
            assertThat(r.jsonPath().getString("errors[0].extensions.code")).as(accept).isEqualTo("BAD_REQUEST");
            assertThat(r.jsonPath().getMap("$")).as(accept).doesNotContainKey("data");
        }
    }

    @Test
    void requestErrorsAre200WithErrorsInApplicationJson() {
        for (String body : REQUEST_ERRORS) {
            Response r = json("application/json").body(body).when().post("/graphql");
            assertThat(r.statusCode()).as(body).isEqualTo(200);
            assertThat(r.contentType()).as(body).startsWith("application/json");
            assertThat(r.jsonPath().getList("errors")).as(body).isNotEmpty();
            assertThat(r.jsonPath().getString("errors[0].extensions.code")).as(body).isNotBlank();
        }
    }

    @Test
    void requestErrorsAre400WithoutDataInGraphQLResponseJson() {
        for (String body : REQUEST_ERRORS) {
            Response r = json(GRAPHQL_RESPONSE).body(body).when().post("/graphql");
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.jsonPath().getList("errors")).as(body).isNotEmpty();
            assertThat(r.jsonPath().getMap("$")).as(body).doesNotContainKey("data");
        }
        Response get = given().accept(GRAPHQL_RESPONSE).queryParam("query", "{ f8f31403dfe404bccbb0e835f2629c6a7 }")
                .when().get("/graphql");
        assertThat(get.statusCode()).isEqualTo(400);
        assertThat(get.contentType()).startsWith(GRAPHQL_RESPONSE);
    }

    @Test
    void theAuditsMustsStillHold() {
        for (String accept : List.of("application/json", GRAPHQL_RESPONSE)) {
            for (String body : List.of(TYPENAME, "{\"query\": \"query Query { __typename }\", \"operationName\": \"Query\"}",
                    "{\"query\": \"{ __typename }\", \"variables\": null}", "{\"query\": \"{ __typename }\", \"extensions\": {\"some\": \"value\"}}",
                    "{\"query\": \"query Type($name: String!) { __type(name: $name) { name } }\", \"variables\": {\"name\": \"sometype\"}}")) {
                Response r = json(accept).body(body).when().post("/graphql");
                assertThat(r.statusCode()).as(accept + " " + body).isEqualTo(200);
                assertThat(r.jsonPath().getList("errors")).as(body).isNull();
            }
        }
        Response utf8 = given().contentType("application/json; charset=utf-8").body(TYPENAME).when().post("/graphql");
        assertThat(utf8.statusCode()).isEqualTo(200);
        Response mutation = given().accept(GRAPHQL_RESPONSE).queryParam("query", "mutation { __typename }").when().get("/graphql");
        assertThat(mutation.statusCode()).isBetween(400, 499);
        Response noBody = given().contentType("application/json").when().post("/graphql");
        assertThat(noBody.jsonPath().getList("errors")).isNotEmpty();
    }
}
