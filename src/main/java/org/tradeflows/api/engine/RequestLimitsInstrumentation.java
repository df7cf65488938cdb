package org.tradeflows.api.engine;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import graphql.validation.ValidationError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tradeflows.http.ErrorCodes;
import org.tradeflows.model.CodedException;

/**
 * Refuses an operation whose depth, expanded field count or cost is over the limit. Checked twice: before validation
 * (graphql-java's validation and normalized operation both walk the expanded document, so an oversized one must never
 * reach them; variables are read as sent) and again before any field runs (with the coerced variables, and for
 * documents whose validation was skipped because SmallRye's query cache knew them). Once the request's time budget is
 * spent (answered TIMEOUT) no further mutation starts: mutations run one after another, and their writes do not go
 * through the statements the budget cancels.
 */
public class RequestLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final int maxDepth;
    private final long maxCost;
    private final long maxFields;

    public RequestLimitsInstrumentation(int maxDepth, long maxCost, long maxFields) {
        this.maxDepth = maxDepth;
        this.maxCost = maxCost;
        this.maxFields = maxFields;
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
            InstrumentationState state) {
        String name = parameters.getExecutionInput().getOperationName();
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        OperationDefinition operation = null;
        for (var d : parameters.getDocument().getDefinitions()) {
            if (d instanceof FragmentDefinition f) {
                fragments.putIfAbsent(f.getName(), f);
            } else if (d instanceof OperationDefinition o && (name == null || name.isEmpty() || name.equals(o.getName()))) {
                operation = operation == null ? o : operation; // an ambiguous choice is reported by the engine
            }
        }
        if (operation != null) {
            check(QueryShape.measure(parameters.getSchema(), operation, fragments,
                    parameters.getExecutionInput().getRawVariables().toMap()));
        }
        return super.beginValidation(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext ctx = parameters.getExecutionContext();
        check(QueryShape.measure(ctx.getGraphQLSchema(), ctx.getOperationDefinition(), ctx.getFragmentsByName(),
                ctx.getCoercedVariables().toMap()));
        return super.beginExecuteOperation(parameters, state);
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        var env = parameters.getEnvironment();
        if (env.getParentType() != env.getGraphQLSchema().getMutationType()) {
            return fetcher;
        }
        return e -> {
            RequestBudget budget = RequestBudget.current();
            if (budget != null && budget.spent()) {
                throw new CodedException(ErrorCodes.TIMEOUT,
                        "The request ran out of its time budget before this mutation started; it was not made");
            }
            return fetcher.get(e);
        };
    }

    private void check(QueryShape.Measure m) {
        if (m.depth() > maxDepth) {
            throw refuse("The query nests " + m.depth() + " levels deep, over the limit of " + maxDepth
                    + "; ask for fewer nested fields and follow ids with node(id:) instead");
        }
        if (m.fields() > maxFields) {
            throw refuse("The query asks for " + over(m.fields()) + " fields once its fragments are expanded, over the "
                    + "limit of " + maxFields + ". Every alias counts, and so does every field of a fragment each time the "
                    + "fragment is spread; ask for fewer fields, and spread each fragment once");
        }
        if (m.cost() > maxCost) {
            throw refuse("The query is too complex: its cost is " + over(m.cost()) + ", over the limit of " + maxCost
                    + ". Every field costs 1, the page sizes (`first`, default " + QueryShape.DEFAULT_PAGE + ") of "
                    + "connections multiply what is inside them, and sibling fields and aliases add up; ask for smaller "
                    + "pages, fewer fields or fewer nested connections, and page with `after`");
        }
    }

    private static String over(long n) {
        return n >= QueryShape.CEILING ? "more than " + QueryShape.CEILING : String.valueOf(n);
    }

    private static AbortExecutionException refuse(String message) {
        return new AbortExecutionException(List.of(CodedError.of(ErrorCodes.QUERY_TOO_COMPLEX, message)));
    }
}
