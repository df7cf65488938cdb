package org.tradeflows.api.engine;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.schema.model.Schema;
import io.smallrye.graphql.spi.EventingService;
import java.util.ArrayList;
import java.util.List;
import org.tradeflows.config.LimitsConfig;

/**
 * Adds the request limits and error coding to the graphql-java engine SmallRye builds, in front of SmallRye's own
 * instrumentation (its query cache, which also parses every request for SmallRye's context). SmallRye offers no way to
 * add one beside its own, and GraphQL.Builder has no getters; so the builder is built once to read the instrumentation
 * already set ({@code GraphQL.getInstrumentation()}, public). That trial build only fills in the default execution
 * strategies the final build fills in the same way, with the exception handler SmallRye has already set. The same
 * trial build gives the schema, whose plain property fields are then read directly ({@link PlainFields}); and the
 * batched fields' loaders are made per request only for the fields a query selects ({@link LazyBatchLoaders}).
 *
 * <p>It is one of SmallRye's eventing services (listed in META-INF/services, switched on by
 * {@code tradeflows.graphql.engine-setup}) rather than an observer of SmallRye's CDI events: with those events on,
 * SmallRye fires CDI events around every field of every answer, and resolving their observers cost several per cent
 * of the CPU of a page of shipments. A ServiceLoader creates it, not CDI, hence {@code Arc.container()}.
 */
public class EngineSetup implements EventingService {

    @Override
    public String getConfigKey() {
        return "tradeflows.graphql.engine-setup";
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        List<Instrumentation> ours = new ArrayList<>(
                GraphQLEndpoint.instrumentations(Arc.container().instance(LimitsConfig.class).get()));
        ours.add(LazyBatchLoaders.takeFrom(Arc.container().instance(Schema.class).get()));
        return withOurs(builder, ours);
    }

    /** Puts {@code ours} in front of whatever instrumentation the builder holds already. */
    static GraphQL.Builder withOurs(GraphQL.Builder builder, List<Instrumentation> ours) {
        GraphQL built = builder.build();
        Instrumentation existing = built.getInstrumentation();
        builder.schema(PlainFields.direct(built.getGraphQLSchema()));
        List<Instrumentation> chain = new ArrayList<>(ours);
        if (existing != null) {
            chain.add(existing);
        }
        return builder.instrumentation(new ChainedInstrumentation(chain));
    }
}
