package org.tradeflows.limits;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.spi.EventingService;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.tradeflows.api.errors.ErrorCodingInstrumentation;

/**
 * Adds the request limits and error coding to the graphql-java engine SmallRye builds. SmallRye offers no way to add
 * an instrumentation beside its own (its query cache), so the one already set is read from the builder and kept in
 * the chain.
 *
 * <p>It is one of SmallRye's eventing services (listed in META-INF/services, switched on by
 * {@code tradeflows.graphql.engine-setup}) rather than an observer of SmallRye's CDI events: with those events on,
 * SmallRye fires CDI events around every field of every answer, and resolving their observers cost several per cent
 * of the CPU of a page of shipments.
 */
public class GraphQLEngineSetup implements EventingService {

    private static final Logger LOG = Logger.getLogger(GraphQLEngineSetup.class);

    @Override
    public String getConfigKey() {
        return "tradeflows.graphql.engine-setup";
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        Limits limits = Arc.container().instance(Limits.class).get();
        List<Instrumentation> chain = new ArrayList<>();
        chain.add(new RequestLimitsInstrumentation(limits.maxDepth(), limits.maxCost(), limits.maxFields()));
        chain.add(new ErrorCodingInstrumentation());
        Instrumentation existing = existing(builder);
        if (existing != null) {
            chain.add(existing);
        }
        return builder.instrumentation(new ChainedInstrumentation(chain));
    }

    private static Instrumentation existing(GraphQL.Builder builder) {
        try {
            Field f = GraphQL.Builder.class.getDeclaredField("instrumentation");
            f.setAccessible(true);
            return (Instrumentation) f.get(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Could not keep SmallRye's instrumentation (%s); its query cache is off", e.toString());
            return null;
        }
    }
}
