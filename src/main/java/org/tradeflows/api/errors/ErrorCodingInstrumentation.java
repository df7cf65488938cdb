package org.tradeflows.api.errors;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Rewrites every error of every answer (parse, validation, fields, limits) into a {@link CodedError}. */
public class ErrorCodingInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> coded = result.getErrors().stream().<GraphQLError>map(ErrorClassifier::classify).toList();
        return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult().from(result).errors(coded).build());
    }
}
