package org.tradeflows.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.Keys;

/** Keys are created by admins, shown once, stored as hashes, listed without the secret, and stop at once when revoked. */
@QuarkusTest
class ApiKeyLifecycleTest {

    @Inject
    Jdbc jdbc;

    private static final String VIEWER = "{ viewer { authenticated name roles } }";
    private static final String CREATE = """
            mutation($i: ApiKeyInput!) { createApiKey(input: $i) { key apiKey { id name role prefix createdBy revokedAt } } }""";

    @Test
    void aCreatedKeyIsShownOnceWorksAndStopsTheMomentItIsRevoked() {
        JsonPath created = GraphQL.dataAs(Keys.ADMIN, CREATE, Map.of("i", Map.of("name", "newsroom charts", "role", "READER")));
        String key = created.getString("data.createApiKey.key");
        String id = created.getString("data.createApiKey.apiKey.id");
        assertThat(key).matches("tf_[A-Za-z0-9_-]{43}");
        assertThat(created.getString("data.createApiKey.apiKey.prefix")).isEqualTo(key.substring(0, 10));
        assertThat(created.getString("data.createApiKey.apiKey.createdBy")).isEqualTo("bootstrap-admin");

        JsonPath me = GraphQL.dataAs(key, VIEWER, null);
        assertThat(me.getBoolean("data.viewer.authenticated")).isTrue();
        assertThat(me.getList("data.viewer.roles")).containsExactly("reader");

        // the listing never carries the key, and the key is not stored anywhere in clear
        String listing = GraphQL.dataAs(Keys.ADMIN, "{ apiKeys(first: 100) { edges { node { id prefix name } } totalCount } }", null)
                .prettify();
        assertThat(listing).contains(id).doesNotContain(key);
        // read in the database itself: no row of the key table or the audit trail holds the key or its secret part
        String secret = key.substring(ApiKeySecrets.SHOWN);
        for (String table : List.of("api_key", "audit_entry")) {
            assertThat(jdbc.count("select count(*) from " + table + " t where strpos(t::text, ?) > 0", List.of(secret)))
                    .as("rows of %s holding the key", table).isZero();
        }
        assertThat(jdbc.count("select count(*) from api_key where key_sha256 = ? and key_prefix = ?",
                List.of(ApiKeySecrets.sha256(key), key.substring(0, 10)))).as("stored as its SHA-256 and its prefix").isEqualTo(1);

        JsonPath revoked = GraphQL.dataAs(Keys.ADMIN, "mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt revokedBy } }",
                Map.of("id", id));
        assertThat(revoked.getString("data.revokeApiKey.revokedBy")).isEqualTo("bootstrap-admin");

        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + key).body(Map.of("query", VIEWER))
                .when().post("/graphql").then().statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));

        JsonPath trail = GraphQL.dataAs(Keys.ADMIN, """
                query($r: ID!) { auditTrail(filter: {recordId: $r}) { edges { node { action actor before after } } } }""",
                Map.of("r", id));
        assertThat(trail.getList("data.auditTrail.edges.node.action")).containsExactly("REVOKE_API_KEY", "CREATE_API_KEY");
        assertThat(trail.prettify()).doesNotContain(key);
    }

    @Test
    void keysOfEachRoleCarryTheRolesBelowIt() {
        assertThat(GraphQL.dataAs(Keys.create("CURATOR", "curator"), VIEWER, null).getList("data.viewer.roles"))
                .containsExactlyInAnyOrder("curator", "reader");
        assertThat(GraphQL.dataAs(Keys.create("ADMIN", "admin"), VIEWER, null).getList("data.viewer.roles"))
                .containsExactlyInAnyOrder("admin", "curator", "reader");
    }

    @Test
    void onlyAdminsManageKeysAndRefusalsCreateNothing() {
        String count = "{ apiKeys(includeRevoked: true) { totalCount } }";
        long before = GraphQL.dataAs(Keys.ADMIN, count, null).getLong("data.apiKeys.totalCount");
        Map<String, Object> input = Map.of("i", Map.of("name", "intruder", "role", "ADMIN"));

        JsonPath anonymous = GraphQL.postAs(null, CREATE, input);
        assertThat(anonymous.getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        assertThat(anonymous.getString("errors[0].message")).startsWith("createApiKey:");
        for (String role : List.of("READER", "CURATOR")) {
            JsonPath refused = GraphQL.postAs(Keys.create(role, role.toLowerCase()), CREATE, input);
            assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
            assertThat(refused.getString("data")).isNull();
        }
        assertThat(GraphQL.postAs(Keys.create("CURATOR", "curator"), count, null).getString("errors[0].extensions.code"))
                .isEqualTo("FORBIDDEN");
        // two keys were created above by the admin (the reader and the curator): nothing else
        assertThat(GraphQL.dataAs(Keys.ADMIN, count, null).getLong("data.apiKeys.totalCount")).isEqualTo(before + 3);
    }

    @Test
    void keyInputIsValidated() {
        JsonPath blank = GraphQL.postAs(Keys.ADMIN, CREATE, Map.of("i", Map.of("name", "   ", "role", "READER")));
        assertThat(blank.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(blank.getString("errors[0].message")).startsWith("input.name:");
        JsonPath role = GraphQL.postAs(Keys.ADMIN, CREATE, Map.of("i", Map.of("name", "x", "role", "ROOT")));
        assertThat(role.getString("errors[0].extensions.code")).isIn("BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED");
        JsonPath unknown = GraphQL.postAs(Keys.ADMIN, "mutation { revokeApiKey(id: \"QXBpS2V5Ojk5OTk5OTk=\") { id } }", null);
        assertThat(unknown.getString("errors[0].extensions.code")).isEqualTo("NOT_FOUND");
    }
}
