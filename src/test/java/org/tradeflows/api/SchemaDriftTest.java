package org.tradeflows.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tradeflows.support.GraphQL;

/**
 * The committed SDL is the public contract: this fails when the served schema differs from graphql/schema.graphql.
 * After an intended change, regenerate it with -Dtradeflows.schema.update=true and commit the file.
 */
@QuarkusTest
class SchemaDriftTest {

    private static final Path COMMITTED = Path.of("graphql", "schema.graphql");

    @Test
    void servedSchemaEqualsTheCommittedOne() throws IOException {
        String served = given().when().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("tradeflows.schema.update")) {
            Files.writeString(COMMITTED, served);
        }
        assertThat(Files.exists(COMMITTED)).as("graphql/schema.graphql is committed").isTrue();
        assertThat(served).as("served schema vs graphql/schema.graphql; regenerate with -Dtradeflows.schema.update=true")
                .isEqualTo(Files.readString(COMMITTED));
    }

    @Test
    void everyTypeFieldAndArgumentIsDescribed() {
        String query = """
                { __schema { types { name kind description fields { name description args { name description } }
                  inputFields { name description } enumValues { name description } } } }""";
        var types = GraphQL.data(query).getList("data.__schema.types", java.util.Map.class);
        java.util.List<String> undescribed = new java.util.ArrayList<>();
        for (var t : types) {
            String name = (String) t.get("name");
            if (name.startsWith("__") || "SCALAR".equals(t.get("kind"))) {
                continue;
            }
            if (t.get("description") == null) {
                undescribed.add(name);
            }
            for (String list : new String[] {"fields", "inputFields", "enumValues"}) {
                var members = (java.util.List<?>) t.get(list);
                if (members == null) {
                    continue;
                }
                for (Object member : members) {
                    var m = (java.util.Map<?, ?>) member;
                    if (m.get("description") == null) {
                        undescribed.add(name + "." + m.get("name"));
                    }
                    var args = (java.util.List<?>) m.get("args");
                    if (args != null) {
                        args.stream().map(a -> (java.util.Map<?, ?>) a).filter(a -> a.get("description") == null)
                                .forEach(a -> undescribed.add(name + "." + m.get("name") + "(" + a.get("name") + ")"));
                    }
                }
            }
        }
        assertThat(undescribed).as("types, fields and arguments without a description").isEmpty();
    }
}
