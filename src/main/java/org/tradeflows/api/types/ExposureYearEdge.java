package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An authority's year of exposure and its cursor.")
public record ExposureYearEdge(
        @NonNull @Description("Opaque cursor of this item; pass it as `after` to continue after it.") String cursor,
        @NonNull @Description("The item.") ExposureYear node) {
}
