package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of the listings a scope's shipments met while in force (Relay connection), largest value first.")
public record ExposureListingConnection(
        @NonNull @Description("The items of this page with their cursors.") List<@NonNull ExposureListingEdge> edges,
        @NonNull @Description("Paging information.") PageInfo pageInfo) {
}
