package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A source item and its cursor.")
public record SourceEdge(
        @NonNull @Description("Opaque cursor of this item; pass it as `after` to continue after it.") String cursor,
        @NonNull @Description("The item.") SourceType node) {
}
