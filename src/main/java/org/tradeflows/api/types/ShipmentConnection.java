package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.query.ShipmentScope;

@Description("A page of shipments (Relay connection), ordered by date.")
public record ShipmentConnection(
        @NonNull @Description("The items of this page with their cursors.") List<@NonNull ShipmentEdge> edges,
        @NonNull @Description("Paging information.") PageInfo pageInfo,
        @Ignore ShipmentScope scope,
        @Ignore Long knownTotal) {

    /** A page whose total is counted when asked for, from its scope. */
    public ShipmentConnection(List<ShipmentEdge> edges, PageInfo pageInfo, ShipmentScope scope) {
        this(edges, pageInfo, scope, null);
    }
}
