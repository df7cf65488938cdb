package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of candidate transit countries (Relay connection), largest flow into the destination in the year after first.")
public record TransitRouteConnection(
        @NonNull @Description("The items of this page with their cursors.") List<@NonNull TransitRouteEdge> edges,
        @NonNull @Description("Paging information.") PageInfo pageInfo) {
}
