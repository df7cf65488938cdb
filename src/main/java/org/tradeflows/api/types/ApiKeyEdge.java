package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An API key and its cursor.")
public record ApiKeyEdge(
        @NonNull @Description("Opaque cursor of this item; pass it as `after` to continue after it.") String cursor,
        @NonNull @Description("The key.") ApiKey node) {
}
