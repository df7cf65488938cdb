package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of the figures that changed between two releases (Relay connection).")
public record ReleaseChangeConnection(
        @NonNull @Description("The items of this page with their cursors.") List<@NonNull ReleaseChangeEdge> edges,
        @NonNull @Description("Paging information.") PageInfo pageInfo,
        @NonNull @Description("Number of changed figures matching the filter, over all pages.") long totalCount) {
}
