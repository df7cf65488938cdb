package org.tradeflows.api.engine;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorHelper;
import graphql.language.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GraphQL error as the client sees it: a message and {@code extensions.code}, plus where in the query it arose.
 * Nothing else (no exception class, no stack trace) is ever part of it.
 */
public final class CodedError implements GraphQLError {

    private final String message;
    private final String code;
    private final List<SourceLocation> locations;
    private final List<Object> path;

    public CodedError(String code, String message, List<SourceLocation> locations, List<Object> path) {
        this.code = code;
        this.message = message;
        this.locations = locations == null || locations.isEmpty() ? null : List.copyOf(locations);
        this.path = path == null || path.isEmpty() ? null : List.copyOf(path);
    }

    public static CodedError of(String code, String message) {
        return new CodedError(code, message, null, null);
    }

    public String code() {
        return code;
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return locations;
    }

    @Override
    public List<Object> getPath() {
        return path;
    }

    @Override
    public ErrorClassification getErrorType() {
        return new ErrorClassification() {
            @Override
            public Object toSpecification(GraphQLError error) {
                return code;
            }

            @Override
            public String toString() {
                return code;
            }
        };
    }

    @Override
    public Map<String, Object> getExtensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        return extensions;
    }

    /** The error as the client sees it: message, locations, path and extensions.code, nothing else. */
    @Override
    public Map<String, Object> toSpecification() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("message", message);
        if (locations != null) {
            spec.put("locations", GraphqlErrorHelper.locations(locations));
        }
        if (path != null) {
            spec.put("path", path);
        }
        spec.put("extensions", getExtensions());
        return spec;
    }
}
