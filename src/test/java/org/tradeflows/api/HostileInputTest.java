package org.tradeflows.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tradeflows.api.engine.QueryShapeTest;
import org.tradeflows.model.Printable;
import org.tradeflows.support.GraphQL;

/**
 * What a hostile or careless client may send: malformed documents and bodies, deep nesting, alias and fragment
 * amplification, huge pages, oversize bodies, invalid ids and cursors, injection strings and odd Unicode in every
 * text argument. No answer may be a 5xx, leak an internal detail, or carry an error without a known code.
 */
@QuarkusTest
class HostileInputTest {

    static final Set<String> CODES = Set.of("BAD_USER_INPUT", "NOT_FOUND", "UNAUTHENTICATED", "FORBIDDEN", "RATE_LIMITED",
            "QUERY_TOO_COMPLEX", "TIMEOUT", "SERVICE_UNAVAILABLE", "INTERNAL", "GRAPHQL_PARSE_FAILED",
            "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST", "METHOD_NOT_ALLOWED", "REQUEST_TOO_LARGE");
    /** Traces of internals: Java packages and exceptions, stack frames, SQL and PostgreSQL error details. */
    static final Pattern LEAK = Pattern.compile("(?i)(org\\.tradeflows|io\\.smallrye|io\\.quarkus|io\\.vertx|java\\.|jakarta\\.|"
            + "graphql\\.|hibernate|agroal|Exception|\\bat [a-z]+\\.|SQLState|PSQL|postgres|syntax error at|\\bselect\\b.*\\bfrom\\b|"
            + "\\binsert into\\b|\\bwhere\\b.*=|StringValue|IntValue|ObjectValue|EnumValue|\\.java:)");

    static final List<String> NASTY = List.of(
            "'; drop table company; --", "\" or 1=1 --", "%", "_", "\\", "' union select key_sha256 from api_key --",
            "<script>alert(1)</script>", "${jndi:ldap://x/a}", "{{7*7}}", "../../etc/passwd", "\u0000", "\u0000\u0001\u001f",
            "\uD83D\uDE80🚀", "\u202Eevil", "Z\u0351\u0360\u0361a\u0352lgo", "\uFEFF", "ß".repeat(500), "x".repeat(100_000),
            "中国", "Ningbo\u200Bpeak", "\uD800", " ", "");

    @Test
    void malformedDocumentsAndBodiesAreCoded() {
        List<String> bodies = List.of("", "{", "[]", "null", "42", "\"query\"", "{\"query\": null}", "{\"query\": 5}",
                "{\"query\": \"\"}", "{\"query\": \"{\"}", "{\"query\": \"{ viewer { \"}", "{\"query\": \"}}}}\"}",
                "{\"query\": \"query { __typename }\", \"variables\": [1]}", "{\"query\": \"{ viewer { name } }\", \"variables\": \"x\"}",
                "{\"query\": \"{ viewer { name } }\", \"operationName\": 7}", "{\"query\": \"{ nope }\"}",
                "{\"query\": \"query A { viewer { name } } query B { viewer { name } }\"}",
                "{\"query\": \"query A { viewer { name } }\", \"operationName\": \"B\"}",
                "{\"query\": \"fragment F on Query { ...F } { ...F }\"}",
                "{\"query\": \"subscription { viewer { name } }\"}",
                "{\"query\": \"mutation { viewer { name } }\"}",
                "{\"query\": \"query($x: Int!) { companies(first: $x) { totalCount } }\"}",
                "{\"query\": \"query($x: Int!) { companies(first: $x) { totalCount } }\", \"variables\": {\"x\": \"ten\"}}",
                "{\"query\": \"query($x: Int!) { companies(first: $x) { totalCount } }\", \"variables\": {\"x\": 1e40}}",
                "{\"query\": \"{ companies(filter: {sanctioned: true, sanctionedOn: \\\"2024-13-45\\\"}) { totalCount } }\"}",
                "{\"query\": \"{ companies(filter: {countries: [\\\"XX\\\", 1]}) { totalCount } }\"}",
                "{\"query\": \"" + "{".repeat(20_000) + "\"}",
                "{\"query\": \"{ viewer { name } }\", \"variables\": " + "[".repeat(5000) + "]".repeat(5000) + "}",
                "{\"query\": \"\\u0000\"}",
                "{\"query\": \"{ sanctions(filter: {authorities: [NOPE]}) { totalCount } }\"}",
                "{\"query\": \"{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }\"}",
                "{\"query\": \"mutation($i: SanctionInput!) { recordSanction(input: $i) { id } }\", "
                        + "\"variables\": {\"i\": {\"companyId\": \"x\", \"authority\": \"EU\", \"sourceId\": \"y\", \"listedOn\": \"nope\"}}}");
        for (String body : bodies) {
            assertCoded(given().contentType("application/json").body(body).when().post("/graphql"), body);
        }
        assertCoded(given().contentType("application/graphql").body("{ viewer { ".getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().post("/graphql"), "application/graphql");
        assertCoded(given().contentType("text/plain").body("not json".getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().post("/graphql"), "text/plain");
        assertCoded(given().contentType("application/json").accept("text/html").body("{\"query\": \"{ viewer { name } }\"}")
                .when().post("/graphql"), "Accept: text/html");
        assertThat(given().when().head("/graphql").statusCode()).isEqualTo(405); // a HEAD answer has no body to code
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            assertCoded(given().body("{}").when().request(method, "/graphql"), method);
        }
    }

    @Test
    void deepNestingAndAmplificationAreRefusedBeforeRunning() {
        String deep = "{ productCategory(code: \"84\") { " + "parent { ".repeat(40) + "code" + " }".repeat(41) + " }";
        JsonPath d = GraphQL.post(deep);
        assertThat(d.getString("errors[0].extensions.code")).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(d.getString("errors[0].message")).contains("levels deep, over the limit of 20");
        assertThat(d.getString("data")).isNull();

        StringBuilder aliases = new StringBuilder("{");
        for (int i = 0; i < 200; i++) {
            aliases.append(" a").append(i).append(": companies(first: 100) { edges { node { name } } }");
        }
        JsonPath a = GraphQL.post(aliases.append(" }").toString());
        assertThat(a.getString("errors[0].extensions.code")).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(a.getString("errors[0].message")).contains("its cost is 80000, over the limit of 25000");

        // a fragment of 40 aliased lists spread under 10 aliased pages: small to send, 163 000 values to resolve
        StringBuilder amplified = new StringBuilder("{");
        for (int i = 0; i < 10; i++) {
            amplified.append(" p").append(i).append(": companies(first: 100) { edges { node { ...C } } }");
        }
        amplified.append(" } fragment C on Company {");
        for (int i = 0; i < 40; i++) {
            amplified.append(" f").append(i).append(": findings { companies { company { name } } }");
        }
        JsonPath f = GraphQL.post(amplified.append(" }").toString());
        assertThat(f.getString("errors[0].extensions.code")).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(f.getString("errors[0].message")).contains("its cost is 163000, over the limit of 25000");

        String nested = "{ companies(first: 100) { edges { node { findings { companies { company { findings { companies { company {"
                + " findings { key } } } } } } } } } } }";
        assertThat(GraphQL.post(nested).getList("errors")).isNull(); // nested plain lists are cheap: within the limit
        String pages = "{ companies(first: 100) { edges { node { name } } } sources(first: 100) { edges { node { key } } } "
                + "productCategories(first: 100) { edges { node { code } } } }";
        assertThat(GraphQL.post(pages).getList("errors")).isNull();
    }

    @Test
    void hugeOrNegativePagesAndBadCursorsAreRefusedNamingTheArgument() {
        for (String first : List.of("101", "2147483647", "-1", "-2147483648")) {
            JsonPath p = GraphQL.post("{ companies(first: " + first + ") { totalCount } }");
            assertThat(p.getString("errors[0].extensions.code")).as(first).isEqualTo("BAD_USER_INPUT");
            assertThat(p.getString("errors[0].message")).as(first).startsWith("first");
        }
        assertCoded(given().contentType("application/json").body("{\"query\": \"{ companies(first: 99999999999999) { totalCount } }\"}")
                .when().post("/graphql"), "int overflow");
        for (String cursor : List.of("nope", "YWJj", "", "====", "c1", "YzEfeB94", "\u0000")) {
            JsonPath p = GraphQL.post("query($a: String) { companies(after: $a) { totalCount } }", Map.of("a", cursor));
            assertNoLeak(p.prettify(), cursor);
            if (p.getList("errors") != null) {
                assertThat(p.getString("errors[0].extensions.code")).as(cursor).isEqualTo("BAD_USER_INPUT");
                assertThat(p.getString("errors[0].message")).as(cursor).startsWith("after:");
            }
        }
    }

    @Test
    void invalidIdsAreCodedEverywhere() {
        for (String id : List.of("", "x", "!!!", "Q29tcGFueTo=", "Q29tcGFueTphYmM", "Q29tcGFueTotMQ", "Q291bnRyeTpYWA",
                "Tm9wZTox", "Q29tcGFueTo5OTk5OTk5OTk5OTk5OTk5OTk5OTk5", "a".repeat(10_000))) {
            for (String query : List.of("query($id: ID!) { node(id: $id) { id } }", "query($id: ID!) { company(id: $id) { id } }")) {
                JsonPath p = GraphQL.post(query, Map.of("id", id));
                assertNoLeak(p.prettify(), id);
                assertThat(p.getString("errors[0].extensions.code")).as(id).isIn("BAD_USER_INPUT", "NOT_FOUND");
            }
        }
    }

    @Test
    void injectionAndOddUnicodeInEveryTextArgumentAreHarmless() {
        List<String> queries = List.of(
                "query($s: String!) { country(code: $s) { code } }",
                "query($s: String!) { productCategory(code: $s) { code } }",
                "query($s: String!) { finding(key: $s) { key } }",
                "query($s: String!) { source(key: $s) { key } }",
                "query($s: String!) { topic(key: $s) { key } }",
                "query($s: String) { companies(filter: {search: $s}) { totalCount } }",
                "query($s: String) { companies(filter: {identifier: $s}) { totalCount } }",
                "query($s: String) { companies(filter: {specialEconomicZone: $s}) { totalCount } }",
                "query($s: String!) { companies(filter: {countries: [$s]}) { totalCount } }",
                "query($s: String) { companies(after: $s) { totalCount } }",
                "query($s: String) { productCategories(filter: {search: $s}) { totalCount } }",
                "query($s: String) { productCategories(filter: {codePrefix: $s}) { totalCount } }",
                "query($s: String) { sources(filter: {search: $s}) { totalCount } }",
                "query($s: ID!) { node(id: $s) { id } }");
        int answered = 0;
        for (String query : queries) {
            for (String text : NASTY) {
                Response r = given().contentType("application/json").body(Map.of("query", query, "variables", Map.of("s", text)))
                        .when().post("/graphql");
                // messages may quote the argument back (shortened): that echo is the client's own text, not a leak
                String echo = new JsonPath("{\"e\": " + toJson(Printable.of(text)) + "}").getString("e");
                String body = echo.length() < 4 ? r.asString() : r.asString().replace(toJson(echo).replaceAll("^\"|\"$", ""), "<echo>");
                assertCoded(body, r.statusCode(),
                        query + " with text of length " + text.length());
                answered++;
            }
        }
        assertThat(answered).isEqualTo(queries.size() * NASTY.size());
        // the table the injection strings aim at is still there
        assertThat(GraphQL.data("{ companies { totalCount } }").getLong("data.companies.totalCount")).isPositive();
    }

    @Test
    void graphiqlsOwnIntrospectionQueryIsAnswered() {
        JsonPath answer = GraphQL.data(QueryShapeTest.INTROSPECTION);
        assertThat(answer.getList("data.__schema.types")).hasSizeGreaterThan(50);
    }

    @Test
    void oversizeBodiesAreRefusedWith413() {
        String big = "{\"query\": \"{ viewer { name } }\", \"variables\": {\"pad\": \"" + "x".repeat(300 * 1024) + "\"}}";
        Response r = given().contentType("application/json").body(big).when().post("/graphql");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.jsonPath().getString("errors[0].extensions.code")).isEqualTo("REQUEST_TOO_LARGE");
    }

    static String toJson(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** No 5xx, a JSON body whose every error has a known code, and nothing internal in it. */
    static void assertCoded(Response r, String what) {
        assertCoded(r.asString(), r.statusCode(), what);
    }

    static void assertCoded(String body, int status, String what) {
        assertThat(status).as("status for " + abbreviate(what) + ": " + abbreviate(body)).isLessThan(500);
        JsonPath json = new JsonPath(body);
        List<Map<String, Object>> errors = json.getList("errors");
        if (errors != null) {
            assertThat(errors).as(abbreviate(what)).isNotEmpty();
            List<Object> codes = new ArrayList<>();
            for (Map<String, Object> e : errors) {
                Object ext = e.get("extensions");
                codes.add(ext instanceof Map<?, ?> m ? m.get("code") : null);
                assertThat((String) e.get("message")).as(abbreviate(what)).isNotBlank();
            }
            // INTERNAL is a known code too, but no input, however hostile, may cause one
            assertThat(codes).as(abbreviate(what) + ": " + abbreviate(body)).allMatch(c -> CODES.contains(c) && !"INTERNAL".equals(c));
        } else {
            assertThat(json.getMap("data")).as(abbreviate(what) + ": " + abbreviate(body)).isNotNull();
        }
        assertNoLeak(body, what);
    }

    static void assertNoLeak(String body, String what) {
        Map<String, String> found = new LinkedHashMap<>();
        var m = LEAK.matcher(body);
        if (m.find()) {
            found.put(m.group(), abbreviate(body.substring(Math.max(0, m.start() - 80), Math.min(body.length(), m.end() + 80))));
        }
        assertThat(found).as("internal details in the answer to " + abbreviate(what)).isEmpty();
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
