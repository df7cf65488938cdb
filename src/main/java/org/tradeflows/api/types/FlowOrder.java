package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.model.FlowOrderField;

@Input("FlowOrder")
@Description("One ordering criterion; later criteria break ties of earlier ones, and the group keys break the rest.")
public record FlowOrder(
        @NonNull @Description("What to order by.") FlowOrderField field,
        @Description("Direction (default DESC for measures, ASC for dimensions).") SortDirection direction) {
}
