package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of a webhook's deliveries, newest first (Relay connection).")
public record WebhookDeliveryConnection(
        @NonNull @Description("The deliveries of this page with their cursors.") List<@NonNull WebhookDeliveryEdge> edges,
        @NonNull @Description("Paging information.") PageInfo pageInfo,
        @NonNull @Description("Number of deliveries matching, over all pages.") long totalCount) {
}
