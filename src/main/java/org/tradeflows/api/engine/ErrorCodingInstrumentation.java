package org.tradeflows.api.engine;

import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.validation.ValidationError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.tradeflows.model.InputMessages;
import org.tradeflows.model.BadUserInputException;

/**
 * Rewrites every error of every answer (parse, validation, fields, limits) into a {@link CodedError}, and checks
 * arguments before a resolver sees them: text with a NUL character and dates that are not dates are refused with
 * the field's name, in the words the exports use for the same values.
 */
public class ErrorCodingInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (parameters.isTrivialDataFetcher() || parameters.getEnvironment().getFieldDefinition().getArguments().isEmpty()) {
            return fetcher;
        }
        return env -> {
            for (GraphQLArgument argument : env.getFieldDefinition().getArguments()) {
                check(argument.getName(), argument.getType(), env.getArgument(argument.getName()));
            }
            return fetcher.get(env);
        };
    }

    /** Walks an argument's value along its type: text with a NUL and dates that are not dates are refused by name. */
    /** An argument value that does not fit its type: a request error, like a variable the engine refuses. */
    static final class InvalidArgument extends BadUserInputException {
        InvalidArgument(String message) {
            super(message);
        }
    }

    /** Errors of arguments that do not fit their types: SmallRye's transformations and scalars, and our checks. */
    private static boolean isArgumentCoercion(GraphQLError error) {
        if (error instanceof ValidationError) {
            return true;
        }
        if (error instanceof ExceptionWhileDataFetching fetching) {
            for (Throwable t = fetching.getException(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof InvalidArgument || t instanceof CoercingParseValueException
                        || t instanceof CoercingParseLiteralException) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void check(String name, GraphQLInputType type, Object value) {
        GraphQLType t = GraphQLTypeUtil.unwrapNonNull(type);
        if (value == null) {
            return;
        }
        if (t instanceof GraphQLList list && value instanceof List<?> values) {
            for (int i = 0; i < values.size(); i++) {
                check(name + "[" + i + "]", (GraphQLInputType) list.getWrappedType(), values.get(i));
            }
        } else if (t instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
            for (Map.Entry<?, ?> f : fields.entrySet()) {
                GraphQLInputObjectField field = object.getField(String.valueOf(f.getKey()));
                if (field != null) {
                    check(name + "." + f.getKey(), field.getType(), f.getValue());
                }
            }
        } else if (value instanceof String text) {
            if (text.indexOf(InputMessages.NUL) >= 0) {
                throw new InvalidArgument(InputMessages.hasNul(name));
            }
            if (t instanceof GraphQLScalarType scalar && "Date".equals(scalar.getName())) {
                try {
                    LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    throw new InvalidArgument(InputMessages.notADate(name, text));
                }
            }
        }
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        // a null in a non-null field that another error already explains is that error's echo, not a second fault
        boolean explained = result.getErrors().stream().anyMatch(e -> !(e instanceof NonNullableFieldWasNullError));
        List<GraphQLError> kept = result.getErrors().stream()
                .filter(e -> !(explained && e instanceof NonNullableFieldWasNullError)).toList();
        List<GraphQLError> coded = kept.stream()
                .<GraphQLError>map(e -> GraphQLErrors.classify(e, parameters.getSchema())).toList();
        if (kept.stream().allMatch(ErrorCodingInstrumentation::isArgumentCoercion)) {
            // the engine coerces arguments lazily, field by field; an argument that does not fit its type is still a
            // request error (GraphQL over HTTP): answered without data, as a variable graphql-java refuses would be
            return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult().errors(coded)
                    .extensions(result.getExtensions()).build());
        }
        return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult().from(result).errors(coded).build());
    }
}
