package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A group of official trade figures and its cursor.")
public record TradeVolumeGroupEdge(
        @NonNull @Description("Opaque cursor of this group; pass it as `after` to continue after it.") String cursor,
        @NonNull @Description("The group.") TradeVolumeGroup node) {
}
