package org.tradeflows.api.engine;

import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import graphql.InvalidSyntaxError;
import graphql.introspection.GoodFaithIntrospection;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import org.tradeflows.http.ErrorClassifier;
import org.tradeflows.http.ErrorClassifier.Coded;
import org.tradeflows.http.ErrorCodes;
import org.tradeflows.model.BadUserInputException;
import org.tradeflows.model.NotFoundException;

/**
 * Turns every error of a GraphQL answer into a {@link CodedError}: parse and validation errors in plain words, field
 * failures through the classifier every door shares ({@link ErrorClassifier}), anything else INTERNAL with a reference
 * that appears in the server log next to the real cause, so no class name, SQL or stack trace reaches a client.
 */
public final class GraphQLErrors {

    private static final Logger LOG = Logger.getLogger(GraphQLErrors.class);

    private GraphQLErrors() {
    }

    public static CodedError classify(GraphQLError error) {
        return classify(error, null);
    }

    /** As {@link #classify(GraphQLError)}; with the schema, a misspelled name comes with the nearest valid one. */
    public static CodedError classify(GraphQLError error, GraphQLSchema schema) {
        if (error instanceof CodedError coded) {
            return coded;
        }
        if (error instanceof ExceptionWhileDataFetching fetching) {
            Coded c = classify(fetching.getException(), fieldOf(error.getPath()));
            return new CodedError(c.code(), c.message(), error.getLocations(), error.getPath());
        }
        if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
            return new CodedError(ErrorCodes.QUERY_TOO_COMPLEX, "Introspection that repeats __Type.fields, inputFields, "
                    + "interfaces or possibleTypes, or nests too deeply, is refused; ask for the schema once, as GraphiQL does",
                    error.getLocations(), null);
        }
        if (error instanceof InvalidSyntaxError || error.getErrorType() == graphql.ErrorType.InvalidSyntax) {
            return new CodedError(ErrorCodes.GRAPHQL_PARSE_FAILED, ErrorMessages.clean(error.getMessage()), error.getLocations(), null);
        }
        if (error instanceof ValidationError v) {
            // a literal argument of the wrong type is bad input like any other value; the rest is a wrong document
            boolean value = v.getValidationErrorType() == graphql.validation.ValidationErrorType.WrongType;
            String message = ValidationMessages.of(v, schema);
            return new CodedError(value ? ErrorCodes.BAD_USER_INPUT
                    : ErrorCodes.GRAPHQL_VALIDATION_FAILED, message, error.getLocations(), null);
        }
        if (error.getErrorType() == graphql.ErrorType.ValidationError) {
            // variables that do not fit their declared types (coercion errors): the message names the variable
            return new CodedError(ErrorCodes.BAD_USER_INPUT, ErrorMessages.clean(error.getMessage()), error.getLocations(),
                    error.getPath());
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf("GraphQL error %s (%s): %s", reference, error.getClass().getName(), error.getMessage());
        return new CodedError(ErrorCodes.INTERNAL, ErrorClassifier.internalMessage(reference), error.getLocations(), error.getPath());
    }

    /**
     * As {@link ErrorClassifier#classify(Throwable, String)}, plus the engine's own coercion failures (a value that does
     * not fit its scalar), whose messages are cleaned of AST and class names.
     */
    public static Coded classify(Throwable thrown, String field) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CoercingParseLiteralException || t instanceof CoercingParseValueException) {
                return new Coded(ErrorCodes.BAD_USER_INPUT, (field == null ? "" : field + ": ")
                        + "an argument does not fit its type: " + ErrorMessages.clean(t.getMessage()));
            }
            if (t instanceof BadUserInputException || t instanceof NotFoundException) {
                break; // our own answer comes first, as in the shared classifier
            }
        }
        return ErrorClassifier.classify(thrown, field);
    }

    private static String fieldOf(List<Object> path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (Object p : path) {
            if (p instanceof Integer i) {
                b.append('[').append(i).append(']');
            } else {
                b.append(b.length() == 0 ? "" : ".").append(p);
            }
        }
        return b.toString();
    }
}
