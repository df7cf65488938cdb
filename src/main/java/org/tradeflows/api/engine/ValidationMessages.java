package org.tradeflows.api.engine;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedSchemaElement;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.validation.ValidationError;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tradeflows.model.InputMessages;

/**
 * graphql-java's validation messages in a user's words: said once (the engine's "Validation error (Type@[path]) :"
 * prefix dropped), and a misspelled field, argument or input field named with the nearest valid one.
 */
final class ValidationMessages {

    private static final Pattern PREFIX = Pattern.compile("^Validation error \\([^)]*\\)\\s*:\\s*");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("^Field '(\\w+)' in type '(\\w+)' is undefined$");
    private static final Pattern UNKNOWN_ARGUMENT = Pattern.compile("^Unknown field argument '(\\w+)'$");
    private static final Pattern EXTRA_FIELD = Pattern.compile(
            "(?s)^argument '([^']+)' with value '.*' contains a field not in '(\\w+)': '(\\w+)'$");

    private ValidationMessages() {
    }

    static String of(ValidationError v, GraphQLSchema schema) {
        String d = description(v);
        Matcher m = UNKNOWN_FIELD.matcher(d);
        if (m.matches()) {
            return m.group(2) + " has no field '" + m.group(1) + "'"
                    + InputMessages.suggestion(m.group(1), names(fieldsOf(schema, m.group(2))));
        }
        m = UNKNOWN_ARGUMENT.matcher(d);
        if (m.matches()) {
            GraphQLFieldDefinition field = field(schema, v.getQueryPath());
            String owner = field == null ? "The field" : field.getName();
            return owner + " has no argument '" + m.group(1) + "'"
                    + (field == null ? "" : InputMessages.suggestion(m.group(1), names(field.getArguments())));
        }
        m = EXTRA_FIELD.matcher(d);
        if (m.matches()) {
            List<String> known = schema != null && schema.getType(m.group(2)) instanceof GraphQLInputObjectType input
                    ? names(input.getFieldDefinitions()) : List.of();
            return m.group(1) + ": '" + m.group(3) + "' is not a field of " + m.group(2)
                    + InputMessages.suggestion(m.group(3), known);
        }
        return ErrorMessages.clean(d);
    }

    private static String description(ValidationError v) {
        String d = v.getDescription() == null ? v.getMessage() : v.getDescription();
        return d == null ? "" : PREFIX.matcher(d).replaceFirst("").trim();
    }

    private static List<? extends GraphQLNamedSchemaElement> fieldsOf(GraphQLSchema schema, String type) {
        return schema != null && schema.getType(type) instanceof GraphQLFieldsContainer c ? c.getFieldDefinitions() : List.of();
    }

    /** The field a validation error's query path ends at, followed from the query (or mutation) type. */
    private static GraphQLFieldDefinition field(GraphQLSchema schema, List<String> path) {
        if (schema == null || path == null || path.isEmpty()) {
            return null;
        }
        for (GraphQLObjectType root : new GraphQLObjectType[] {schema.getQueryType(), schema.getMutationType()}) {
            GraphQLType type = root;
            GraphQLFieldDefinition field = null;
            for (String name : path) {
                field = type instanceof GraphQLFieldsContainer c ? c.getFieldDefinition(name) : null;
                if (field == null) {
                    break;
                }
                type = GraphQLTypeUtil.unwrapAll(field.getType());
            }
            if (field != null) {
                return field;
            }
        }
        return null;
    }

    private static List<String> names(Collection<? extends GraphQLNamedSchemaElement> elements) {
        return elements.stream().map(GraphQLNamedSchemaElement::getName).toList();
    }
}
