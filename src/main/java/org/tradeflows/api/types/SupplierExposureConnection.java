package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of suppliers ranked by value shipped to recipients under a sanction in force (Relay connection), largest first.")
public record SupplierExposureConnection(
        @NonNull @Description("The items of this page with their cursors.") List<@NonNull SupplierExposureEdge> edges,
        @NonNull @Description("Paging information.") PageInfo pageInfo) {
}
