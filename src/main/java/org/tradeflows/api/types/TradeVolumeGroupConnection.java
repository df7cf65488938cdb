package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of official trade groups (Relay connection).")
public record TradeVolumeGroupConnection(
        @NonNull @Description("The groups of this page with their cursors.") List<@NonNull TradeVolumeGroupEdge> edges,
        @NonNull @Description("Paging information.") PageInfo pageInfo,
        @NonNull @Description("Number of groups over all pages.") long totalCount) {
}
