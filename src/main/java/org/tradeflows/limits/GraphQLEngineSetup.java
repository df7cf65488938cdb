package org.tradeflows.limits;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.tradeflows.api.errors.ErrorCodingInstrumentation;

/**
 * Adds the request limits and error coding to the graphql-java engine SmallRye builds. SmallRye offers the builder
 * as a CDI event but no way to add an instrumentation beside its own (its query cache), so the one already set is
 * read from the builder and kept in the chain.
 */
@ApplicationScoped
public class GraphQLEngineSetup {

    private static final Logger LOG = Logger.getLogger(GraphQLEngineSetup.class);

    private final Limits limits;

    public GraphQLEngineSetup(Limits limits) {
        this.limits = limits;
    }

    void customise(@Observes GraphQL.Builder builder) {
        List<Instrumentation> chain = new ArrayList<>();
        chain.add(new RequestLimitsInstrumentation(limits.maxDepth(), limits.maxCost()));
        chain.add(new ErrorCodingInstrumentation());
        Instrumentation existing = existing(builder);
        if (existing != null) {
            chain.add(existing);
        }
        builder.instrumentation(new ChainedInstrumentation(chain));
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
