package org.tradeflows.api.engine;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeflows.store.Jdbc;
import org.tradeflows.support.GraphQL;
import org.tradeflows.support.Keys;

/**
 * Apollo's automatic persisted queries through real HTTP, as Apollo's link sends them: the hash alone, then (on
 * PersistedQueryNotFound) the hash with the text, then the hash alone by GET, which CDNs may cache.
 */
@QuarkusTest
class PersistedQueriesTest {

    @Inject
    Jdbc jdbc;

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> persisted(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    static Response post(String query, Map<String, Object> variables, Map<String, Object> extensions, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (query != null) {
            body.put("query", query);
        }
        if (variables != null) {
            body.put("variables", variables);
        }
        if (extensions != null) {
            body.put("extensions", extensions);
        }
        var request = given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Authorization", "Bearer " + key);
        }
        return request.when().post("/graphql");
    }

    static Response get(Map<String, Object> extensions, Map<String, Object> variables, String ifNoneMatch) {
        var request = given().accept(ContentType.JSON).queryParam("extensions", json(extensions));
        if (variables != null) {
            request = request.queryParam("variables", json(variables));
        }
        if (ifNoneMatch != null) {
            request = request.header("If-None-Match", ifNoneMatch);
        }
        return request.when().get("/graphql");
    }

    @Test
    void apolloRoundTripByPostThenByGet() throws Exception {
        // a text no other test sends, so its hash is unknown here
        String query = "query ApqRoundTrip($code: String!) { country(code: $code) { code name } } # " + System.nanoTime();
        String hash = sha256(query);
        Map<String, Object> vars = Map.of("code", "CN");

        // 1. the hash alone: unknown, answered as Apollo's clients expect (HTTP 200, never cached)
        Response miss = post(null, vars, persisted(hash), null);
        assertThat(miss.statusCode()).isEqualTo(200);
        assertThat(miss.header("Cache-Control")).isEqualTo("no-store");
        JsonPath m = miss.jsonPath();
        assertThat(m.getString("errors[0].message")).isEqualTo("PersistedQueryNotFound");
        assertThat(m.getString("errors[0].extensions.code")).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(m.getString("data")).isNull();
        // the same by GET
        JsonPath getMiss = get(persisted(hash), vars, null).then().statusCode(200).extract().jsonPath();
        assertThat(getMiss.getString("errors[0].extensions.code")).isEqualTo("PERSISTED_QUERY_NOT_FOUND");

        // 2. the hash with the text: answered, as the text alone is
        JsonPath plain = GraphQL.data(query, vars);
        JsonPath full = post(query, vars, persisted(hash), null).then().statusCode(200).extract().jsonPath();
        assertThat(full.getList("errors")).isNull();
        assertThat(full.getMap("data")).isEqualTo(plain.getMap("data")).isNotEmpty();

        // 3. the hash alone, by POST and by GET: answered from the text registered in step 2
        JsonPath byHash = post(null, vars, persisted(hash), null).then().statusCode(200).extract().jsonPath();
        assertThat(byHash.getMap("data")).isEqualTo(plain.getMap("data"));
        Response byGet = get(persisted(hash), vars, null);
        assertThat(byGet.statusCode()).isEqualTo(200);
        assertThat(byGet.jsonPath().getMap("data")).isEqualTo(plain.getMap("data"));
        String etag = byGet.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(byGet.header("Cache-Control")).startsWith("public, max-age=");
        // the kept answers work for a hash as for the text: the same ETag revalidates to 304
        assertThat(get(persisted(hash), vars, etag).statusCode()).isEqualTo(304);
        String textEtag = given().accept(ContentType.JSON).queryParam("query", query).queryParam("variables", json(vars))
                .when().get("/graphql").then().statusCode(200).extract().header("ETag");
        assertThat(textEtag).isEqualTo(etag);
    }

    @Test
    void aHashThatIsNotTheTextsIsRefused() throws Exception {
        String query = "{ viewer { role } }";
        String other = sha256(query + " ");
        JsonPath r = post(query, null, persisted(other), null).then().extract().jsonPath();
        assertThat(r.getString("errors[0].extensions.code")).isEqualTo("PERSISTED_QUERY_HASH_MISMATCH");
        assertThat(r.getString("errors[0].message")).contains("sha256Hash").contains(sha256(query));
        assertThat(r.getString("data")).isNull();
        // and the wrong hash was not registered for the text
        assertThat(post(null, null, persisted(other), null).jsonPath().getString("errors[0].extensions.code"))
                .isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        // a version other than 1 and a malformed hash are refused with what is expected
        JsonPath v2 = post(null, null, Map.of("persistedQuery", Map.of("version", 2, "sha256Hash", other)), null).jsonPath();
        assertThat(v2.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        assertThat(v2.getString("errors[0].message")).contains("version");
        JsonPath bad = post(null, null, persisted("xyz"), null).jsonPath();
        assertThat(bad.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        assertThat(bad.getString("errors[0].message")).contains("64 hexadecimal digits");
    }

    @Test
    void theLimitsHoldForADocumentSentByHash() throws Exception {
        String deep = "{ productCategory(code: \"84\") { " + "parent { ".repeat(40) + "code" + " }".repeat(41) + " }";
        String hash = sha256(deep);
        post(deep, null, persisted(hash), null);
        JsonPath r = post(null, null, persisted(hash), null).then().statusCode(200).extract().jsonPath();
        assertThat(r.getString("errors[0].extensions.code")).isEqualTo("QUERY_TOO_COMPLEX");
    }

    @Test
    void aMutationByHashReachesSmallRyeWithItsTextAndIsAudited() throws Exception {
        String mutation = "mutation Register($d: String!, $n: String) { registerPersistedQuery(document: $d, name: $n) "
                + "{ sha256Hash name origin permalink } }";
        String hash = sha256(mutation);
        String document = "query Registered { currentRelease { key } } # " + System.nanoTime();
        Map<String, Object> vars = new LinkedHashMap<>(Map.of("d", document, "n", "A fact box"));
        // anonymous: the mutation runs and is refused for want of a key (not for its extensions)
        JsonPath anonymous = post(mutation, vars, persisted(hash), null).jsonPath();
        assertThat(anonymous.getString("errors[0].extensions.code")).isIn("UNAUTHENTICATED", "FORBIDDEN");
        JsonPath r = post(null, vars, persisted(hash), Keys.ADMIN).then().statusCode(200).extract().jsonPath();
        assertThat(r.getList("errors")).isNull();
        String docHash = sha256(document);
        assertThat(r.getString("data.registerPersistedQuery.sha256Hash")).isEqualTo(docHash);
        assertThat(r.getString("data.registerPersistedQuery.origin")).isEqualTo("ADMIN");
        assertThat(r.getString("data.registerPersistedQuery.permalink")).isEqualTo("/q/" + docHash);
        assertThat(jdbc.one("select document from persisted_query where sha256 = ?", List.of(docHash), rs -> rs.getString(1)))
                .contains(document);
        // audited as the other admin mutations are
        JsonPath audit = GraphQL.dataAs(Keys.ADMIN, "{ auditTrail(filter: {actions: [REGISTER_PERSISTED_QUERY]}, first: 5) "
                + "{ edges { node { action actor after } } } }", null);
        assertThat(audit.getList("data.auditTrail.edges.node.after", String.class)).anyMatch(a -> a.contains(docHash));
        // registering again answers the first registration, without a second entry
        long entries = jdbc.count("select count(*) from audit_entry where action = 'REGISTER_PERSISTED_QUERY' and after->>'sha256' = ?",
                List.of(docHash));
        vars.put("n", "Another title");
        JsonPath again = post(null, vars, persisted(hash), Keys.ADMIN).jsonPath();
        assertThat(again.getString("data.registerPersistedQuery.name")).isEqualTo("A fact box");
        assertThat(jdbc.count("select count(*) from audit_entry where action = 'REGISTER_PERSISTED_QUERY' and after->>'sha256' = ?",
                List.of(docHash))).isEqualTo(entries).isEqualTo(1);
        // the registered document is found by its hash, by anyone, and runs by hash
        JsonPath found = GraphQL.data("query($h: String!) { persistedQuery(sha256Hash: $h) { name document } }", Map.of("h", docHash));
        assertThat(found.getString("data.persistedQuery.document")).isEqualTo(document);
        JsonPath run = get(persisted(docHash), null, null).jsonPath();
        assertThat(run.getList("errors")).isNull();
        assertThat(run.getString("data.currentRelease.key")).isNotBlank();
        // a mutation cannot be registered
        JsonPath refused = GraphQL.postAs(Keys.ADMIN, "mutation($d: String!) { registerPersistedQuery(document: $d) { name } }",
                Map.of("d", "mutation { revokeApiKey(id: \"x\") { name } }"));
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.getString("errors[0].message")).contains("only queries");
    }

    @Test
    void theExampleQueriesAreRegisteredAtStart() throws Exception {
        String text = GraphQL.exampleQuery("story-1-national-total");
        String hash = sha256(text);
        JsonPath byHash = post(null, GraphQL.exampleVariables("story-1-national-total"), persisted(hash), null).jsonPath()
                .using(GraphQL.EXACT_NUMBERS);
        assertThat(byHash.getList("errors")).isNull();
        assertThat(byHash.getMap("data")).isEqualTo(GraphQL.example("story-1-national-total").getMap("data"));
        assertThat(jdbc.one("select origin || ' ' || name from persisted_query where sha256 = ?", List.of(hash),
                rs -> rs.getString(1))).contains("EXAMPLE story-1-national-total");
    }
}
