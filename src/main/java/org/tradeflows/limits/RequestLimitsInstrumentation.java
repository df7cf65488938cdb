package org.tradeflows.limits;

import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.ExecutionResult;
import java.util.List;
import org.tradeflows.api.errors.CodedError;
import org.tradeflows.api.errors.ErrorCodes;

/** Refuses an operation whose depth or cost is over the limit after validation and before any field runs. */
public class RequestLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final int maxDepth;
    private final long maxCost;

    public RequestLimitsInstrumentation(int maxDepth, long maxCost) {
        this.maxDepth = maxDepth;
        this.maxCost = maxCost;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext ctx = parameters.getExecutionContext();
        QueryShape.Measure m = QueryShape.measure(ctx.getGraphQLSchema(), ctx.getOperationDefinition(),
                ctx.getFragmentsByName(), ctx.getCoercedVariables().toMap());
        if (m.depth() > maxDepth) {
            throw refuse("The query nests " + m.depth() + " levels deep, over the limit of " + maxDepth
                    + "; ask for fewer nested fields and follow ids with node(id:) instead");
        }
        if (m.cost() > maxCost) {
            throw refuse("The query is too complex: its cost is " + (m.cost() >= QueryShape.CEILING ? "over " : "")
                    + m.cost() + ", over the limit of " + maxCost + ". The cost multiplies the page sizes (`first`, "
                    + "default " + QueryShape.DEFAULT_PAGE + ") of nested connections and adds up sibling fields and "
                    + "aliases; ask for smaller pages or fewer nested connections, and page with `after`");
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private static AbortExecutionException refuse(String message) {
        return new AbortExecutionException(List.of(CodedError.of(ErrorCodes.QUERY_TOO_COMPLEX, message)));
    }
}
