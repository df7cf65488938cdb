package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of mirror comparisons (Relay connection), by period, then product code, then sources.")
public record MirrorGapConnection(
        @NonNull @Description("The items of this page with their cursors.") List<@NonNull MirrorGapEdge> edges,
        @NonNull @Description("Paging information.") PageInfo pageInfo) {
}
