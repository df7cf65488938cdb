package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.tradeflows.query.ShipmentScope;

@Description("A page of flow groups (Relay connection).")
public record FlowConnection(
        @NonNull @Description("The groups of this page with their cursors.") List<@NonNull FlowEdge> edges,
        @NonNull @Description("Paging information.") PageInfo pageInfo,
        @NonNull @Description("Number of groups over all pages.") long totalCount,
        @NonNull @Description("Where the sums were read: SHIPMENTS, or a rollup kept current by every load "
                + "(FLOW_ROLLUP_MONTH, COMPANY_ROLLUP_YEAR) when it holds the same answer.") String servedFrom,
        @Ignore ShipmentScope scope) {
}
