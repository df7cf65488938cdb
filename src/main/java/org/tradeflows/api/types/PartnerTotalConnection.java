package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of partner totals (Relay connection), largest first.")
public record PartnerTotalConnection(
        @NonNull @Description("The items of this page with their cursors.") List<@NonNull PartnerTotalEdge> edges,
        @NonNull @Description("Paging information.") PageInfo pageInfo,
        @NonNull @Description("Number of items over all pages.") long totalCount) {
}
