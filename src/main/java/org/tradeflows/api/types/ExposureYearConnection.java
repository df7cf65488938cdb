package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of exposure by sanctioning authority and year (Relay connection), by authority then year.")
public record ExposureYearConnection(
        @NonNull @Description("The items of this page with their cursors.") List<@NonNull ExposureYearEdge> edges,
        @NonNull @Description("Paging information.") PageInfo pageInfo) {
}
