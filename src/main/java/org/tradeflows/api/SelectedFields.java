package org.tradeflows.api;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import io.smallrye.graphql.api.Context;
import java.util.Set;

/**
 * Which output fields a request selects below the field being resolved, read from the parsed query (fragments
 * included) rather than from a printed list of names, so that a field's name is matched whole.
 */
final class SelectedFields {

    /** The measures that make a flow query count distinct companies, which only the shipments can answer. */
    static final Set<String> DISTINCT_FIELDS = Set.of("distinctSuppliers", "distinctRecipients");

    private SelectedFields() {
    }

    /** True when any field at any depth below the current one has one of the names. */
    static boolean asks(Context context, Set<String> names) {
        DataFetchingEnvironment env = context.unwrap(DataFetchingEnvironment.class);
        return env.getSelectionSet().getFields().stream().map(SelectedField::getName).anyMatch(names::contains);
    }
}
