package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of API keys (Relay connection).")
public record ApiKeyConnection(
        @NonNull @Description("The keys of this page with their cursors.") List<@NonNull ApiKeyEdge> edges,
        @NonNull @Description("Paging information.") PageInfo pageInfo,
        @NonNull @Description("Number of keys matching, over all pages.") long totalCount) {
}
