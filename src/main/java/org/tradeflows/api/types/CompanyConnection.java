package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of company items (Relay connection).")
public record CompanyConnection(
        @NonNull @Description("The items of this page with their cursors.") List<@NonNull CompanyEdge> edges,
        @NonNull @Description("Paging information.") PageInfo pageInfo,
        @NonNull @Description("Number of items matching the filter, over all pages.") long totalCount) {
}
