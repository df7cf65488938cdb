package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A group of flows and its cursor.")
public record FlowEdge(
        @NonNull @Description("Opaque cursor of this group; pass it as `after` to continue after it.") String cursor,
        @NonNull @Description("The group.") FlowGroup node) {
}
