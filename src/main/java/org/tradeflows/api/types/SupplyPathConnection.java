package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of supply paths (Relay connection), largest value carried end to end first, and the search's bounds.")
public record SupplyPathConnection(
        @NonNull @Description("The items of this page with their cursors.") List<@NonNull SupplyPathEdge> edges,
        @NonNull @Description("Paging information.") PageInfo pageInfo,
        @NonNull @Description("What the search looked at and whether a bound cut it.") SupplyPathSearch search) {
}
