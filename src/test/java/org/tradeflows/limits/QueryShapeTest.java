package org.tradeflows.limits;

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
    void connectionsMultiplyTheirPageSizeDownTheTree() {
        assertThat(measure("{ companies(first: 50) { edges { node { name findings { key } } } } }", Map.of()))
                .isEqualTo(new QueryShape.Measure(5, 50 * (1 + 1 + 1 + 1)));
        assertThat(measure("{ companies { totalCount } }", Map.of()).cost()).isEqualTo(QueryShape.DEFAULT_PAGE);
        assertThat(measure("query($n: Int) { companies(first: $n) { totalCount } }", Map.of("n", 7)).cost()).isEqualTo(7);
        assertThat(measure("{ companies(first: 1000000) { totalCount } }", Map.of()).cost()).isEqualTo(100); // refused by the field
        assertThat(measure("{ a: companies(first: 10) { totalCount } b: companies(first: 10) { totalCount } }", Map.of()).cost())
                .isEqualTo(20);
        assertThat(measure("{ country(code: \"CN\") { name } }", Map.of())).isEqualTo(new QueryShape.Measure(2, 1));
    }

    @Test
    void fragmentsCountWhereTheyAreSpread() {
        String q = "{ a: companies(first: 10) { ...C } b: companies(first: 10) { ...C } } "
                + "fragment C on CompanyConnection { edges { node { name } } }";
        assertThat(measure(q, Map.of()).cost()).isEqualTo(2 * 10 * (1 + 2));
    }

    @Test
    void graphiqlsIntrospectionIsWithinTheDepthLimitAndCostsNothing() {
        QueryShape.Measure m = measure(INTROSPECTION, Map.of());
        assertThat(m.depth()).isLessThanOrEqualTo(20);
        assertThat(m.cost()).isZero();
    }

    @Test
    void everyCommittedExampleIsWithinTheLimits() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("graphql", "examples"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".graphql")).toList()) {
                QueryShape.Measure m = measure(Files.readString(p), Map.of());
                assertThat(m.depth()).as(p.toString()).isLessThanOrEqualTo(20);
                assertThat(m.cost()).as(p.toString()).isLessThanOrEqualTo(25_000);
            }
        }
    }

    @Test
    void costsSaturateInsteadOfOverflowing() {
        assertThat(QueryShape.multiply(Long.MAX_VALUE / 2, 100)).isEqualTo(QueryShape.CEILING);
        assertThat(QueryShape.add(QueryShape.CEILING, QueryShape.CEILING)).isEqualTo(QueryShape.CEILING);
    }
}
