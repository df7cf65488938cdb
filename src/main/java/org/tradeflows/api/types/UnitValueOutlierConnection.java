package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of unit-value outliers (Relay connection), farthest from their peers first.")
public record UnitValueOutlierConnection(
        @NonNull @Description("The items of this page with their cursors.") List<@NonNull UnitValueOutlierEdge> edges,
        @NonNull @Description("Paging information.") PageInfo pageInfo) {
}
