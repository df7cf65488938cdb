package org.tradeflows.api.engine;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The depth and cost of operations, measured against the committed schema without running anything. */
public class QueryShapeTest {

    /** GraphiQL's introspection query (graphql-js getIntrospectionQuery with every option, and 9 levels of ofType). */
    public static final String INTROSPECTION = """
            query IntrospectionQuery { __schema { description queryType { name } mutationType { name }
              subscriptionType { name } types { ...FullType } directives { name description isRepeatable locations
              args(includeDeprecated: true) { ...InputValue } } } }
            fragment FullType on __Type { kind name description specifiedByURL
              fields(includeDeprecated: true) { name description args(includeDeprecated: true) { ...InputValue }
                type { ...TypeRef } isDeprecated deprecationReason }
              inputFields(includeDeprecated: true) { ...InputValue } interfaces { ...TypeRef }
              enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
              possibleTypes { ...TypeRef } }
            fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue isDeprecated deprecationReason }
            fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
              ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } } }""";

    private static final GraphQLSchema SCHEMA = schema();

    private static GraphQLSchema schema() {
        try {
            String sdl = Files.readString(Path.of("graphql", "schema.graphql"));
            StringBuilder scalars = new StringBuilder(); // the printed SDL leaves out the declarations of custom scalars
            for (String scalar : new String[] {"Date", "DateTime", "BigInteger", "BigDecimal", "Long", "Time"}) {
                if (!sdl.contains("scalar " + scalar + "\n")) {
                    scalars.append("scalar ").append(scalar).append('\n');
                }
            }
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(scalars + sdl));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static QueryShape.Measure measure(String query, Map<String, Object> variables) {
        Document doc = Parser.parse(query);
        Map<String, FragmentDefinition> fragments = doc.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity()));
        return QueryShape.measure(SCHEMA, doc.getDefinitionsOfType(OperationDefinition.class).get(0), fragments, variables);
    }

    @Test
    void everyFieldCostsOneAndConnectionsMultiplyTheirPageSizeDownTheTree() {
        assertThat(measure("{ companies(first: 50) { edges { node { name findings { key } } } } }", Map.of()))
                .isEqualTo(new QueryShape.Measure(5, 50 * (1 + 1 + 1 + 1 + 1 + 1), 6));
        assertThat(measure("{ companies { totalCount } }", Map.of()).cost()).isEqualTo(QueryShape.DEFAULT_PAGE * 2);
        assertThat(measure("query($n: Int) { companies(first: $n) { totalCount } }", Map.of("n", 7)).cost()).isEqualTo(14);
        assertThat(measure("{ companies(first: 1000000) { totalCount } }", Map.of()).cost()).isEqualTo(200); // refused by the field
        assertThat(measure("{ a: companies(first: 10) { totalCount } b: companies(first: 10) { totalCount } }", Map.of()))
                .isEqualTo(new QueryShape.Measure(2, 40, 4));
        assertThat(measure("{ country(code: \"CN\") { name code } }", Map.of())).isEqualTo(new QueryShape.Measure(2, 3, 3));
    }

    @Test
    void fragmentsCountWhereTheyAreSpread() {
        String q = "{ a: companies(first: 10) { ...C } b: companies(first: 10) { ...C } } "
                + "fragment C on CompanyConnection { edges { node { name } } }";
        assertThat(measure(q, Map.of())).isEqualTo(new QueryShape.Measure(4, 2 * 10 * (1 + 3), 2 * 4));
    }

    @Test
    void aFragmentBombIsMeasuredInFullWithoutExpandingIt() {
        for (int levels : new int[] {10, 25, 62, 200}) {
            long started = System.nanoTime();
            QueryShape.Measure m = measure("{ company(id: \"x\") { ...F" + levels + " } } " + fragmentBomb(levels), Map.of());
            long millis = (System.nanoTime() - started) / 1_000_000;
            // F0 has 1 field, Fn has 2 × Fn-1 + 1: 2^(n+1) - 1 fields under company, which is one more
            long expected = levels < 61 ? (1L << (levels + 1)) : QueryShape.CEILING;
            assertThat(m.fields()).as("%d levels", levels).isEqualTo(expected);
            assertThat(m.cost()).as("%d levels", levels).isEqualTo(expected);
            assertThat(millis).as("%d levels measured in %d ms", levels, millis).isLessThan(1_000);
        }
    }

    @Test
    void introspectionFieldsCountButCostNothing() {
        QueryShape.Measure m = measure("{ __schema { types { name fields { name } } } }", Map.of());
        assertThat(m).isEqualTo(new QueryShape.Measure(4, 0, 5));
        String bomb = "{ __schema { types { ...F20 } } } " + fragmentBomb(20).replace("on Company", "on __Type");
        assertThat(measure(bomb, Map.of()).fields()).isGreaterThan(1L << 20);
    }

    /** F0 … Fn on Company, each spreading the previous one twice around an aliased scalar: 2^(n+1) - 1 fields. */
    public static String fragmentBomb(int levels) {
        StringBuilder b = new StringBuilder("fragment F0 on Company { name } ");
        for (int i = 1; i <= levels; i++) {
            b.append("fragment F").append(i).append(" on Company { ...F").append(i - 1).append(" a").append(i)
                    .append(": name ...F").append(i - 1).append(" } ");
        }
        return b.toString();
    }

    @Test
    void graphiqlsIntrospectionIsWithinTheLimitsAndCostsNothing() {
        QueryShape.Measure m = measure(INTROSPECTION, Map.of());
        assertThat(m.depth()).isLessThanOrEqualTo(20);
        assertThat(m.cost()).isZero();
        assertThat(m.fields()).isLessThanOrEqualTo(MAX_FIELDS);
    }

    /** The defaults of application.properties. */
    private static final long MAX_COST = 25_000;
    private static final long MAX_FIELDS = 2_000;

    @Test
    void everyCommittedExampleIsWithinTheLimits() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("graphql", "examples"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".graphql")).toList()) {
                QueryShape.Measure m = measure(Files.readString(p), Map.of());
                assertThat(m.depth()).as(p.toString()).isLessThanOrEqualTo(20);
                assertThat(m.cost()).as(p.toString()).isLessThanOrEqualTo(MAX_COST);
                assertThat(m.fields()).as(p.toString()).isLessThanOrEqualTo(MAX_FIELDS);
            }
        }
    }

    @Test
    void everyQueryOfTheExplorerIsWithinTheLimitsAtTheLargestPage() throws IOException {
        Map<String, String> queries = explorerQueries();
        assertThat(queries).hasSizeGreaterThan(5);
        queries.forEach((name, query) -> {
            QueryShape.Measure m = measure(query, Map.of("first", QueryShape.MAX_PAGE));
            assertThat(m.depth()).as(name).isLessThanOrEqualTo(20);
            assertThat(m.cost()).as(name).isLessThanOrEqualTo(MAX_COST);
            assertThat(m.fields()).as(name).isLessThanOrEqualTo(MAX_FIELDS);
        });
    }

    /** The explorer's queries: the files graphql/explorer/INDEX lists, which assets/js/queries.js loads and sends. */
    private static Map<String, String> explorerQueries() throws IOException {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String name : Files.readAllLines(Path.of("graphql", "explorer", "INDEX"))) {
            if (!name.isBlank()) {
                out.put(name.trim(), Files.readString(Path.of("graphql", "explorer", name.trim() + ".graphql")));
            }
        }
        return out;
    }

    @Test
    void costsSaturateInsteadOfOverflowing() {
        assertThat(QueryShape.multiply(Long.MAX_VALUE / 2, 100)).isEqualTo(QueryShape.CEILING);
        assertThat(QueryShape.add(QueryShape.CEILING, QueryShape.CEILING)).isEqualTo(QueryShape.CEILING);
    }
}
