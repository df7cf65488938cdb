package org.tradeflows.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Relay page information for a connection.")
public record PageInfo(
        @NonNull @Description("True when more items follow the last edge of this page.") boolean hasNextPage,
        @NonNull @Description("True when this page was requested with `after` (items precede it).") boolean hasPreviousPage,
        @Description("Cursor of the first edge of this page.") String startCursor,
        @Description("Cursor of the last edge of this page; pass it as `after` to get the next page.") String endCursor) {
}
