package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A changed figure and its cursor.")
public record ReleaseChangeEdge(
        @NonNull @Description("Opaque cursor of this item; pass it as `after` to continue after it.") String cursor,
        @NonNull @Description("The item.") ReleaseChange node) {
}
