package org.tradeflows.api.errors;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.execution.NonNullableFieldWasNullError;
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
        // a null in a non-null field that another error already explains is that error's echo, not a second fault
        boolean explained = result.getErrors().stream().anyMatch(e -> !(e instanceof NonNullableFieldWasNullError));
        List<GraphQLError> coded = result.getErrors().stream()
                .filter(e -> !(explained && e instanceof NonNullableFieldWasNullError))
                .<GraphQLError>map(ErrorClassifier::classify).toList();
        return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult().from(result).errors(coded).build());
    }
}
