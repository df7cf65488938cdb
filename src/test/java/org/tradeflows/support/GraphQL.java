package org.tradeflows.support;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sends GraphQL over HTTP as a client would: POST application/json, the committed example files when named. */
public final class GraphQL {

    public static final Path EXAMPLES = Path.of("graphql", "examples");
    /** Money must be compared exactly: numbers are read as BigDecimal, never as float. */
    public static final JsonPathConfig EXACT_NUMBERS = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private GraphQL() {
    }

    public static JsonPath post(String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        if (variables != null) {
            body.put("variables", variables);
        }
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body)
                .when().post("/graphql")
                .then().statusCode(200).extract().jsonPath().using(EXACT_NUMBERS);
    }

    /** Posts as the holder of an API key (null: anonymously); any HTTP status is accepted and returned in the path. */
    public static JsonPath postAs(String key, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        if (variables != null) {
            body.put("variables", variables);
        }
        var request = given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Authorization", "Bearer " + key);
        }
        return request.when().post("/graphql").then().extract().jsonPath().using(EXACT_NUMBERS);
    }

    /** Runs a query or mutation as the holder of a key, failing on any error in the answer. */
    public static JsonPath dataAs(String key, String query, Map<String, Object> variables) {
        JsonPath answer = postAs(key, query, variables);
        List<Object> errors = answer.getList("errors");
        if (errors != null && !errors.isEmpty()) {
            throw new AssertionError("GraphQL errors: " + errors + "\nfor query:\n" + query);
        }
        return answer;
    }

    public static JsonPath post(String query) {
        return post(query, null);
    }

    /** Runs a query and fails on any error in the answer. */
    public static JsonPath data(String query, Map<String, Object> variables) {
        JsonPath answer = post(query, variables);
        List<Object> errors = answer.getList("errors");
        if (errors != null && !errors.isEmpty()) {
            throw new AssertionError("GraphQL errors: " + errors + "\nfor query:\n" + query);
        }
        return answer;
    }

    public static JsonPath data(String query) {
        return data(query, null);
    }

    /** Runs graphql/examples/NAME.graphql with NAME.json as variables (when present), failing on errors. */
    public static JsonPath example(String name) {
        return data(exampleQuery(name), exampleVariables(name));
    }

    public static String exampleQuery(String name) {
        return read(EXAMPLES.resolve(name + ".graphql"));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> exampleVariables(String name) {
        Path json = EXAMPLES.resolve(name + ".json");
        if (!Files.exists(json)) {
            return null;
        }
        return new JsonPath(read(json)).getMap("$");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
