package org.tradeflows.api.engine;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeflows.config.CodeDefaults;
import org.tradeflows.config.LimitsConfig;

/**
 * The engine set-up keeps what SmallRye put on the builder (its query cache, which also parses every request for
 * SmallRye's context) behind our limits and error coding, through public graphql-java API only. Plain JUnit: a real
 * builder and the real configuration defaults.
 */
class EngineSetupTest {

    /** Stands for SmallRye's own instrumentation, set on the builder before ours is added. */
    private static final Instrumentation SMALLRYE_MARKER = new Instrumentation() {
    };

    @Test
    void ourInstrumentationsRunFirstAndSmallRyesIsKept() {
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
                new SchemaParser().parse("type Query { answer: Int }"), RuntimeWiring.newRuntimeWiring().build());
        GraphQL.Builder builder = GraphQL.newGraphQL(schema).instrumentation(SMALLRYE_MARKER);
        LimitsConfig limits = CodeDefaults.of(LimitsConfig.class);

        GraphQL engine = EngineSetup.withOurs(builder, GraphQLEndpoint.instrumentations(limits)).build();

        assertThat(engine.getInstrumentation()).isInstanceOf(ChainedInstrumentation.class);
        assertThat(((ChainedInstrumentation) engine.getInstrumentation()).getInstrumentations())
                .hasSize(3)
                .satisfies(chain -> assertThat(chain.get(0)).isInstanceOf(RequestLimitsInstrumentation.class))
                .satisfies(chain -> assertThat(chain.get(1)).isInstanceOf(ErrorCodingInstrumentation.class))
                .satisfies(chain -> assertThat(chain.get(2)).isSameAs(SMALLRYE_MARKER));
    }

    @Test
    void theEngineStillAnswersAfterTheTrialBuild() {
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("type Query { answer: Int }"),
                RuntimeWiring.newRuntimeWiring().type("Query", t -> t.dataFetcher("answer", env -> 42)).build());
        GraphQL.Builder builder = GraphQL.newGraphQL(schema).instrumentation(SMALLRYE_MARKER);

        GraphQL engine = EngineSetup.withOurs(builder, List.of(new ErrorCodingInstrumentation())).build();

        assertThat(engine.execute("{ answer }").<Map<String, Object>>getData()).containsEntry("answer", 42);
    }
}
